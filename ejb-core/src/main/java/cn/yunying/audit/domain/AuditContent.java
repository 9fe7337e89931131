package cn.yunying.audit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The columns of an audit entry as stored, shared by the pending record and the chained one: what the hash covers
 * besides the chain index and the previous hash. Immutable: there are no setters.
 */
@Embeddable
public class AuditContent {

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

    protected AuditContent() {
        // for JPA
    }

    /** The entry as stored: its time at the millisecond the database keeps (so the hash reads back the same). */
    static AuditContent of(AuditEntry entry) {
        AuditContent c = new AuditContent();
        c.occurredAt = entry.occurredAt().truncatedTo(ChronoUnit.MILLIS);
        c.actor = entry.actor();
        c.actorType = entry.actorType();
        c.action = entry.action();
        c.outcome = entry.outcome();
        c.subjectType = entry.subjectType();
        c.subjectId = entry.subjectId();
        c.patientId = entry.patientId();
        c.sourceAddress = entry.sourceAddress();
        c.detail = entry.detail();
        return c;
    }

    public AuditEntry entry() {
        return new AuditEntry(occurredAt, actor, actorType, action, outcome, subjectType, subjectId, patientId,
                sourceAddress, detail);
    }

    Instant occurredAt() {
        return occurredAt;
    }
}
