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

/** One link of the audit chain. Immutable once written: there are no setters. */
@Entity
@Table(name = "audit_record")
public class AuditRecord {

    @Id
    @SequenceGenerator(name = "audit_record_seq", sequenceName = "audit_record_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_record_seq")
    private Long id;

    @Column(name = "chain_index", nullable = false, updatable = false)
    private long chainIndex;

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

    @Column(name = "previous_hash", nullable = false, length = 64, updatable = false)
    private String previousHash;

    @Column(name = "record_hash", nullable = false, length = 64, updatable = false)
    private String recordHash;

    protected AuditRecord() {
        // for JPA
    }

    /** Links {@code entry} after the record whose hash is {@code previousHash}. */
    public static AuditRecord chain(long chainIndex, String previousHash, AuditEntry entry) {
        AuditEntry stored = new AuditEntry(entry.occurredAt().truncatedTo(ChronoUnit.MILLIS), entry.actor(),
                entry.actorType(), entry.action(), entry.outcome(), entry.subjectType(), entry.subjectId(),
                entry.patientId(), entry.sourceAddress(), entry.detail());
        AuditRecord record = new AuditRecord();
        record.chainIndex = chainIndex;
        record.occurredAt = stored.occurredAt();
        record.actor = stored.actor();
        record.actorType = stored.actorType();
        record.action = stored.action();
        record.outcome = stored.outcome();
        record.subjectType = stored.subjectType();
        record.subjectId = stored.subjectId();
        record.patientId = stored.patientId();
        record.sourceAddress = stored.sourceAddress();
        record.detail = stored.detail();
        record.previousHash = previousHash;
        record.recordHash = AuditHashing.hash(previousHash, chainIndex, stored);
        return record;
    }

    /** The content as read back, for recomputing the hash. */
    public AuditEntry entry() {
        return new AuditEntry(occurredAt, actor, actorType, action, outcome, subjectType, subjectId, patientId,
                sourceAddress, detail);
    }

    public long getChainIndex() {
        return chainIndex;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getPreviousHash() {
        return previousHash;
    }

    public String getRecordHash() {
        return recordHash;
    }
}
