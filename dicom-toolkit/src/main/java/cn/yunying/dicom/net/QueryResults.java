package cn.yunying.dicom.net;

import cn.yunying.dicom.data.Attributes;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;

/**
 * The matches of a C-FIND, produced lazily. The layer sends each as a pending response (0xFF00) and
 * always calls {@link #close()}: at the end, on C-CANCEL, or when the association breaks.
 */
public interface QueryResults extends AutoCloseable {
    /** The next match, or null when there are no more. Throw {@link DimseException} to end with a failure status. */
    Attributes next() throws IOException;

    @Override
    default void close() throws IOException {
    }

    /** Results from a list (for tests and small in-memory providers). */
    static QueryResults of(List<Attributes> matches) {
        Iterator<Attributes> it = List.copyOf(matches).iterator();
        return () -> it.hasNext() ? it.next() : null;
    }
}
