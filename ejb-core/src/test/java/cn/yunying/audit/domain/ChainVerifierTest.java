package cn.yunying.audit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yunying.audit.domain.AuditEntry.ActorType;
import cn.yunying.audit.domain.AuditEntry.Outcome;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    private final AuditChainHead head = AuditChainHead.empty();
    private final List<AuditRecord> chain = new ArrayList<>();

    private void append(int n) {
        for (int i = 0; i < n; i++) {
            chain.add(head.append(new AuditEntry(Instant.parse("2026-11-23T08:00:00.123456Z").plusSeconds(i),
                    "clinic1-rad", ActorType.USER, "VIEW_STUDY", Outcome.SUCCESS, "STUDY", "1.2.3." + i,
                    "P" + i, "10.0.0.7", "患者 王小明 " + i)));
        }
    }

    private ChainVerifier.Result verify(List<AuditRecord> records) {
        ChainVerifier verifier = new ChainVerifier();
        records.forEach(verifier::check);
        return verifier.finish(head.getLastIndex(), head.getLastHash());
    }

    /** Changes a column as someone with write access to the database could: on the record or in its content. */
    private static void tamper(AuditRecord record, String field, Object value) throws Exception {
        Object target = record;
        Field f;
        try {
            f = AuditRecord.class.getDeclaredField(field);
        } catch (NoSuchFieldException inContent) {
            Field content = AuditRecord.class.getDeclaredField("content");
            content.setAccessible(true);
            target = content.get(record);
            f = AuditContent.class.getDeclaredField(field);
        }
        f.setAccessible(true);
        f.set(target, value);
    }

    @Test
    void anUntouchedChainIsIntact() {
        append(20);
        ChainVerifier.Result result = verify(chain);
        assertTrue(result.intact());
        assertEquals(20, result.recordsChecked());
        assertEquals(20, head.getLastIndex());
    }

    @Test
    void anEmptyChainIsIntact() {
        assertTrue(verify(List.of()).intact());
    }

    @Test
    void changingAnyFieldOfARecordIsDetectedAtThatRecord() throws Exception {
        append(10);
        tamper(chain.get(4), "patientId", "P999");
        ChainVerifier.Result result = verify(chain);
        assertFalse(result.intact());
        assertEquals(ChainVerifier.Problem.MODIFIED, result.problem());
        assertEquals(5L, result.firstBadIndex());
    }

    @Test
    void rewritingARecordTogetherWithItsHashBreaksTheNextLink() throws Exception {
        append(10);
        AuditRecord forged = AuditRecord.chain(5, chain.get(3).getRecordHash(), new AuditEntry(
                chain.get(4).getOccurredAt(), "someone-else", ActorType.USER, "VIEW_STUDY", Outcome.SUCCESS,
                "STUDY", "1.2.3.4", "P4", "10.0.0.7", null));
        chain.set(4, forged);
        ChainVerifier.Result result = verify(chain);
        assertEquals(ChainVerifier.Problem.BROKEN_LINK, result.problem());
        assertEquals(6L, result.firstBadIndex());
    }

    @Test
    void deletingARecordIsDetectedAsAGap() {
        append(10);
        chain.remove(6);
        ChainVerifier.Result result = verify(chain);
        assertEquals(ChainVerifier.Problem.MISSING, result.problem());
        assertEquals(7L, result.firstBadIndex());
    }

    @Test
    void deletingTheNewestRecordsIsDetectedAgainstTheHead() {
        append(10);
        ChainVerifier.Result result = verify(chain.subList(0, 8));
        assertEquals(ChainVerifier.Problem.TRUNCATED, result.problem());
        assertEquals(9L, result.firstBadIndex());
    }

    @Test
    void theHashCoversEveryFieldAndNullsDifferFromEmptyStrings() {
        Instant at = Instant.parse("2026-11-23T08:00:00Z");
        AuditEntry base = new AuditEntry(at, "a", ActorType.USER, "X", Outcome.SUCCESS, null, null, null, null, null);
        AuditEntry empty = new AuditEntry(at, "a", ActorType.USER, "X", Outcome.SUCCESS, "", null, null, null, null);
        AuditEntry denied = new AuditEntry(at, "a", ActorType.USER, "X", Outcome.DENIED, null, null, null, null, null);
        String genesis = AuditHashing.GENESIS;
        assertNotEquals(AuditHashing.hash(genesis, 1, base), AuditHashing.hash(genesis, 1, empty));
        assertNotEquals(AuditHashing.hash(genesis, 1, base), AuditHashing.hash(genesis, 1, denied));
        assertNotEquals(AuditHashing.hash(genesis, 1, base), AuditHashing.hash(genesis, 2, base));
        assertEquals(64, AuditHashing.hash(genesis, 1, base).length());
    }

    @Test
    void overlongValuesAreClippedNotRejectedSoAuditingNeverFailsTheAction() {
        AuditEntry entry = new AuditEntry(Instant.now(), "x".repeat(100), ActorType.USER, "X", Outcome.SUCCESS,
                null, null, null, null, "d".repeat(5000));
        assertEquals(64, entry.actor().length());
        assertEquals(AuditEntry.MAX_DETAIL, entry.detail().length());
    }
}
