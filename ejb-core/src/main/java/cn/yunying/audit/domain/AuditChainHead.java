package cn.yunying.audit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The end of the chain (a single row). Appending holds a write lock on it, which both serialises writers and tells the
 * verifier where the chain must end, so that deleting the newest records is detected too.
 */
@Entity
@Table(name = "audit_chain_head")
public class AuditChainHead {

    public static final long ID = 1L;

    @Id
    private Long id;

    @Column(name = "last_index", nullable = false)
    private long lastIndex;

    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    protected AuditChainHead() {
        // for JPA
    }

    /** The head of an empty chain, as the V0002 migration creates it. */
    static AuditChainHead empty() {
        AuditChainHead head = new AuditChainHead();
        head.id = ID;
        head.lastHash = AuditHashing.GENESIS;
        return head;
    }

    public AuditRecord append(AuditEntry entry) {
        AuditRecord record = AuditRecord.chain(lastIndex + 1, lastHash, entry);
        lastIndex = record.getChainIndex();
        lastHash = record.getRecordHash();
        return record;
    }

    public long getLastIndex() {
        return lastIndex;
    }

    public String getLastHash() {
        return lastHash;
    }
}
