package cn.yunying.archive.domain;

/**
 * An object cannot be indexed as sent: its study belongs to another institution, or its series to another study.
 * Retrying does not help (unlike a lost race on a unique constraint).
 */
public class IndexConflict extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IndexConflict(String message) {
        super(message);
    }

    /** Whether {@code thrown} or one of its causes is an index conflict. */
    public static boolean in(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof IndexConflict) {
                return true;
            }
        }
        return false;
    }
}
