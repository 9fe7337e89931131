package cn.yunying.institution.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step of an institution's certification history. Written once, never changed. */
@Entity
@Table(name = "certification_event")
@NamedQuery(name = CertificationEvent.HISTORY_OF,
        query = "SELECT e FROM CertificationEvent e WHERE e.institutionId = :institutionId ORDER BY e.occurredAt, e.id")
public class CertificationEvent {

    public static final String HISTORY_OF = "CertificationEvent.historyOf";

    @Id
    @SequenceGenerator(name = "certification_event_seq", sequenceName = "certification_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "certification_event_seq")
    private Long id;

    @Column(name = "institution_id", nullable = false, updatable = false)
    private Long institutionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false, length = 32, updatable = false)
    private CertificationAction action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 32, updatable = false)
    private InstitutionStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 32, updatable = false)
    private InstitutionStatus toStatus;

    @Column(name = "reason", length = 1000, updatable = false)
    private String reason;

    @Column(name = "actor", nullable = false, length = 64, updatable = false)
    private String actor;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    protected CertificationEvent() {
        // for JPA
    }

    CertificationEvent(Long institutionId, CertificationAction action, InstitutionStatus fromStatus,
                       InstitutionStatus toStatus, String reason, String actor, Instant occurredAt) {
        this.institutionId = institutionId;
        this.action = action;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.reason = reason;
        this.actor = actor;
        this.occurredAt = occurredAt;
    }

    public Long getInstitutionId() {
        return institutionId;
    }

    public CertificationAction getAction() {
        return action;
    }

    public InstitutionStatus getFromStatus() {
        return fromStatus;
    }

    public InstitutionStatus getToStatus() {
        return toStatus;
    }

    public String getReason() {
        return reason;
    }

    public String getActor() {
        return actor;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }
}
