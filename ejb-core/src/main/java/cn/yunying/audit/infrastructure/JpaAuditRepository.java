package cn.yunying.audit.infrastructure;

import cn.yunying.audit.domain.AuditChainHead;
import cn.yunying.audit.domain.AuditPendingEntry;
import cn.yunying.audit.domain.AuditRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** The audit trail in the relational store. Runs inside the calling service's transaction. */
@ApplicationScoped
public class JpaAuditRepository {

    private static final int VERIFY_BATCH = 500;

    @PersistenceContext(unitName = "yunying")
    EntityManager em;

    public JpaAuditRepository() {
    }

    /** For tests outside the container. */
    public JpaAuditRepository(EntityManager em) {
        this.em = em;
    }

    /** The chain head, write-locked until the transaction ends: chainers queue here, one after another. */
    public AuditChainHead lockHead() {
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            throw new IllegalStateException("audit_chain_head is missing: the V0002 migration did not run");
        }
        return head;
    }

    public AuditChainHead readHead() {
        em.clear();
        return em.find(AuditChainHead.class, AuditChainHead.ID);
    }

    public void append(AuditRecord record) {
        em.persist(record);
    }

    /** A record of the current transaction's action, to be chained later (no lock taken). */
    public void appendPending(AuditPendingEntry entry) {
        em.persist(entry);
    }

    public boolean hasPending() {
        return !em.createQuery("SELECT p.id FROM AuditPendingEntry p", Long.class).setMaxResults(1).getResultList()
                .isEmpty();
    }

    /** The oldest pending records (by id), at most {@code max}. */
    public List<AuditPendingEntry> pending(int max) {
        return em.createQuery("SELECT p FROM AuditPendingEntry p ORDER BY p.id", AuditPendingEntry.class)
                .setMaxResults(max).getResultList();
    }

    /** Deletes pending records once chained (one JDBC batch at the flush). */
    public void removePending(List<AuditPendingEntry> chained) {
        chained.forEach(em::remove);
    }

    /** Newest first; null criteria are ignored. Parameters are bound, never concatenated. */
    public List<AuditRecord> search(String actor, String action, String patientId, Instant from, Instant to,
                                    int limit) {
        StringBuilder jpql = new StringBuilder("SELECT r FROM AuditRecord r WHERE 1 = 1");
        if (actor != null) {
            jpql.append(" AND r.content.actor = :actor");
        }
        if (action != null) {
            jpql.append(" AND r.content.action = :action");
        }
        if (patientId != null) {
            jpql.append(" AND r.content.patientId = :patientId");
        }
        if (from != null) {
            jpql.append(" AND r.content.occurredAt >= :from");
        }
        if (to != null) {
            jpql.append(" AND r.content.occurredAt < :to");
        }
        TypedQuery<AuditRecord> query = em.createQuery(jpql.append(" ORDER BY r.chainIndex DESC").toString(),
                AuditRecord.class).setMaxResults(limit);
        if (actor != null) {
            query.setParameter("actor", actor);
        }
        if (action != null) {
            query.setParameter("action", action);
        }
        if (patientId != null) {
            query.setParameter("patientId", patientId);
        }
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        return query.getResultList();
    }

    /** Streams the whole chain in index order, in batches, without keeping it in the persistence context. */
    public void forEachInChainOrder(Consumer<AuditRecord> visitor) {
        long after = 0;
        while (true) {
            List<AuditRecord> batch = em.createQuery(
                            "SELECT r FROM AuditRecord r WHERE r.chainIndex > :after ORDER BY r.chainIndex", AuditRecord.class)
                    .setParameter("after", after).setMaxResults(VERIFY_BATCH).getResultList();
            if (batch.isEmpty()) {
                return;
            }
            batch.forEach(visitor);
            after = batch.get(batch.size() - 1).getChainIndex();
            em.clear();
        }
    }
}
