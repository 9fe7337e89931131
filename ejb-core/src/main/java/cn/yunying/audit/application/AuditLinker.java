package cn.yunying.audit.application;

import cn.yunying.audit.domain.AuditChainHead;
import cn.yunying.audit.domain.AuditPendingEntry;
import cn.yunying.audit.infrastructure.JpaAuditRepository;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Links pending records into the hash chain: under the chain head's lock, the oldest pending records get the next
 * indexes and hashes, are inserted as chained records and deleted from the pending table, all in one transaction. The
 * head's row lock is what serialises linkers (also across servers sharing the database); nothing else takes it.
 */
@Stateless
@PermitAll // internal: called by the AuditChainer only; it reads and writes nothing a caller could choose
public class AuditLinker {

    @Inject
    JpaAuditRepository repository;

    public AuditLinker() {
    }

    /** For tests outside the container. */
    public AuditLinker(JpaAuditRepository repository) {
        this.repository = repository;
    }

    /** Links at most {@code max} pending records; returns how many (0 without taking the lock when none is pending). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int linkBatch(int max) {
        if (!repository.hasPending()) {
            return 0;
        }
        AuditChainHead head = repository.lockHead();
        List<AuditPendingEntry> batch = repository.pending(max); // read under the lock: what the last linker left
        for (AuditPendingEntry pending : batch) {
            repository.append(head.append(pending.entry()));
        }
        repository.removePending(batch);
        return batch.size();
    }
}
