package cn.yunying.audit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Embedded;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

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

    @Embedded
    private AuditContent content;

    @Column(name = "previous_hash", nullable = false, length = 64, updatable = false)
    private String previousHash;

    @Column(name = "record_hash", nullable = false, length = 64, updatable = false)
    private String recordHash;

    protected AuditRecord() {
        // for JPA
    }

    /** Links {@code entry} after the record whose hash is {@code previousHash}. */
    public static AuditRecord chain(long chainIndex, String previousHash, AuditEntry entry) {
        AuditRecord record = new AuditRecord();
        record.chainIndex = chainIndex;
        record.content = AuditContent.of(entry);
        record.previousHash = previousHash;
        record.recordHash = AuditHashing.hash(previousHash, chainIndex, record.content.entry());
        return record;
    }

    /** The content as read back, for recomputing the hash. */
    public AuditEntry entry() {
        return content.entry();
    }

    public long getChainIndex() {
        return chainIndex;
    }

    public Instant getOccurredAt() {
        return content.occurredAt();
    }

    public String getPreviousHash() {
        return previousHash;
    }

    public String getRecordHash() {
        return recordHash;
    }
}
