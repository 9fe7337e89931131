package cn.yunying.audit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An audit record written by the audited action's transaction and not yet linked into the chain: the chainer turns it
 * into an {@link AuditRecord} and deletes it in one transaction. Immutable: there are no setters.
 */
@Entity
@Table(name = "audit_pending")
public class AuditPendingEntry {

    @Id
    @SequenceGenerator(name = "audit_pending_seq", sequenceName = "audit_pending_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_pending_seq")
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "actor", nullable = false, length = 64, updatable = false)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_type", nullable = false, length = 16, updatable = false)
    private AuditEntry.ActorType actorType;

    @Column(name = "action", nullable = false, length = 48, updatable = false)
    private String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false, length = 16, updatable = false)
    private AuditEntry.Outcome outcome;

    @Column(name = "subject_type", length = 32, updatable = false)
    private String subjectType;

    @Column(name = "subject_id", length = 128, updatable = false)
    private String subjectId;

    @Column(name = "patient_id", length = 64, updatable = false)
    private String patientId;

    @Column(name = "source_address", length = 64, updatable = false)
    private String sourceAddress;

    @Column(name = "detail", length = 2000, updatable = false)
    private String detail;

    protected AuditPendingEntry() {
        // for JPA
    }

    /** The entry as it will be chained (its time at the millisecond the chain stores). */
    public static AuditPendingEntry of(AuditEntry entry) {
        AuditPendingEntry pending = new AuditPendingEntry();
        pending.occurredAt = entry.occurredAt().truncatedTo(ChronoUnit.MILLIS);
        pending.actor = entry.actor();
        pending.actorType = entry.actorType();
        pending.action = entry.action();
        pending.outcome = entry.outcome();
        pending.subjectType = entry.subjectType();
        pending.subjectId = entry.subjectId();
        pending.patientId = entry.patientId();
        pending.sourceAddress = entry.sourceAddress();
        pending.detail = entry.detail();
        return pending;
    }

    public AuditEntry entry() {
        return new AuditEntry(occurredAt, actor, actorType, action, outcome, subjectType, subjectId, patientId,
                sourceAddress, detail);
    }

    public Long getId() {
        return id;
    }
}
