package cn.yunying.audit.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yunying.audit.domain.AuditChainHead;
import cn.yunying.audit.domain.AuditEntry;
import cn.yunying.audit.domain.AuditRecord;
import cn.yunying.audit.domain.ChainVerifier;
import cn.yunying.audit.infrastructure.JpaAuditRepository;
import cn.yunying.platform.persistence.SchemaConformance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Records are appended as pending in the action's transaction and linked into the chain later, in batches. */
class AuditChainingH2Test {

    private EntityManagerFactory factory;
    private EntityManager em;
    private JpaAuditRepository repository;
    private AuditTrail trail;
    private AuditLinker linker;

    @BeforeEach
    void database() {
        factory = SchemaConformance.migratedH2("audit");
        em = factory.createEntityManager();
        repository = new JpaAuditRepository(em);
        trail = new AuditTrail(repository);
        linker = new AuditLinker(repository);
    }

    @AfterEach
    void close() {
        em.close();
        factory.close();
    }

    @Test
    void committedRecordsAreLinkedInOrderInBatchesAndRolledBackOnesNever() {
        inTransaction(() -> {
            trail.append(entry("ARCHIVE_STORE", "张三 1"));
            trail.append(entry("ARCHIVE_QUERY", "PatientName=张^三*"));
            trail.append(entry("ARCHIVE_RETRIEVE", "3 instances"));
        });
        em.getTransaction().begin();
        trail.append(entry("ARCHIVE_STORE", "rolled back"));
        em.flush();
        em.getTransaction().rollback();
        em.clear();
        assertTrue(repository.hasPending());
        assertEquals(0, chained().size(), "nothing is chained before the linker runs");

        assertEquals(2, link(2));
        assertEquals(1, link(2));
        assertEquals(0, link(2), "nothing left: the linker returns without locking the head");
        assertFalse(repository.hasPending());

        List<AuditRecord> records = chained();
        assertEquals(List.of("ARCHIVE_STORE", "ARCHIVE_QUERY", "ARCHIVE_RETRIEVE"),
                records.stream().map(r -> r.entry().action()).toList(), "linked in the order they were appended");
        assertEquals(List.of(1L, 2L, 3L), records.stream().map(AuditRecord::getChainIndex).toList());
        assertEquals("PatientName=张^三*", records.get(1).entry().detail());
        ChainVerifier verifier = new ChainVerifier();
        records.forEach(verifier::check);
        AuditChainHead head = repository.readHead();
        ChainVerifier.Result result = verifier.finish(head.getLastIndex(), head.getLastHash());
        assertTrue(result.intact(), String.valueOf(result.problem()));
        assertEquals(3, result.recordsChecked());
    }

    @Test
    void laterRecordsContinueTheChainAfterEarlierBatches() {
        inTransaction(() -> trail.append(entry("LOGIN", "first")));
        assertEquals(1, link(10));
        inTransaction(() -> trail.append(entry("LOGIN", "second")));
        assertEquals(1, link(10));
        List<AuditRecord> records = chained();
        assertEquals(records.get(0).getRecordHash(), records.get(1).getPreviousHash());
        assertEquals(2L, repository.readHead().getLastIndex());
    }

    private int link(int max) {
        int[] linked = new int[1];
        inTransaction(() -> linked[0] = linker.linkBatch(max));
        return linked[0];
    }

    private List<AuditRecord> chained() {
        List<AuditRecord> records = new ArrayList<>();
        repository.forEachInChainOrder(records::add);
        return records;
    }

    private void inTransaction(Runnable work) {
        em.getTransaction().begin();
        work.run();
        em.getTransaction().commit();
        em.clear();
    }

    private static AuditEntry entry(String action, String detail) {
        return new AuditEntry(Instant.now(), "clinic1-rad", AuditEntry.ActorType.USER, action,
                AuditEntry.Outcome.SUCCESS, "STUDY", "1.2.3", "P1", "127.0.0.1", detail);
    }
}
