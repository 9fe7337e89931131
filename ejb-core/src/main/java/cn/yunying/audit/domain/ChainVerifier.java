package cn.yunying.audit.domain;

/**
 * Walks the chain in index order and recomputes every link. Feed it the records with {@link #check}, then
 * {@link #finish} with the head: the first problem found is kept.
 */
public final class ChainVerifier {

    public enum Problem {
        /** A record's content no longer gives its stored hash. */
        MODIFIED,
        /** A record does not point at the hash of the one before it. */
        BROKEN_LINK,
        /** An index is missing: a record was deleted. */
        MISSING,
        /** The chain ends before the head says it does: the newest records were deleted. */
        TRUNCATED
    }

    public record Result(boolean intact, long recordsChecked, Long firstBadIndex, Problem problem) {
    }

    private long expectedIndex = 1;
    private String runningHash = AuditHashing.GENESIS;
    private long checked;
    private Long badIndex;
    private Problem problem;

    public void check(AuditRecord record) {
        checked++;
        if (problem != null) {
            return;
        }
        if (record.getChainIndex() != expectedIndex) {
            fail(expectedIndex, Problem.MISSING);
            return;
        }
        if (!record.getPreviousHash().equals(runningHash)) {
            fail(record.getChainIndex(), Problem.BROKEN_LINK);
            return;
        }
        String recomputed = AuditHashing.hash(record.getPreviousHash(), record.getChainIndex(), record.entry());
        if (!recomputed.equals(record.getRecordHash())) {
            fail(record.getChainIndex(), Problem.MODIFIED);
            return;
        }
        runningHash = record.getRecordHash();
        expectedIndex++;
    }

    public Result finish(long headIndex, String headHash) {
        if (problem == null && (expectedIndex - 1 != headIndex || !runningHash.equals(headHash))) {
            fail(expectedIndex, Problem.TRUNCATED);
        }
        return new Result(problem == null, checked, badIndex, problem);
    }

    private void fail(long index, Problem found) {
        badIndex = index;
        problem = found;
    }
}
