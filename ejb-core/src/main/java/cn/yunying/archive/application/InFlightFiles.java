package cn.yunying.archive.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The stored files an ingest is placing or indexing right now. The orphan-file cleanup must never remove such a file:
 * it is not in the index yet, or is about to be (an identical file may even be an old orphan that a new ingest is
 * adopting). Ingest registers a path before it renames into it; the cleanup decides and deletes under the same lock, so
 * a file it sees as unregistered was either indexed before (the index query sees it) or is not wanted by anybody.
 */
@ApplicationScoped
public class InFlightFiles {

    private final Map<String, Integer> paths = new HashMap<>();

    /** Marks a relative path as being placed and indexed; pair with {@link #end}. */
    public synchronized void begin(String relativePath) {
        paths.merge(relativePath, 1, Integer::sum);
    }

    public synchronized void end(String relativePath) {
        paths.computeIfPresent(relativePath, (p, n) -> n == 1 ? null : n - 1);
    }

    /** Runs {@code removal} only if no ingest holds the path, with new registrations held off meanwhile. */
    public synchronized boolean removeIfIdle(String relativePath, Supplier<Boolean> removal) {
        return !paths.containsKey(relativePath) && removal.get();
    }
}
