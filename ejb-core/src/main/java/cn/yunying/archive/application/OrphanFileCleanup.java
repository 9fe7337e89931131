package cn.yunying.archive.application;

import cn.yunying.archive.application.events.StorageCleaned;
import cn.yunying.archive.infrastructure.ArchiveSettings;
import cn.yunying.archive.infrastructure.FileStorage;
import cn.yunying.archive.infrastructure.JpaArchiveRepository;
import cn.yunying.identity.application.CallerProfiles;
import cn.yunying.shared.AccessDeniedException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Removes from the storage root every file the index does not reference and that is older than the minimum age, and
 * temporary files ({@code .incoming}) older than that age. Such files are left when an ingest could neither index nor
 * remove its file (database and then file system trouble, or a crash between the rename and the commit). Runs on a
 * timer ({@code yunying.archive.orphan-cleanup.*}) and on demand for a platform administrator; logged and audited.
 * One run at a time (singleton, write lock); no transaction is held while the tree is walked.
 */
@Singleton
@Startup
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OrphanFileCleanup {

    private static final System.Logger LOG = System.getLogger(OrphanFileCleanup.class.getName());
    private static final int QUERY_BATCH = 500;
    private static final int LISTED = 100;

    @Resource
    TimerService timers;

    @Inject
    ArchiveSettings settings;

    @Inject
    JpaArchiveRepository repository;

    @Inject
    InFlightFiles inFlight;

    @Inject
    Event<StorageCleaned> cleaned;

    @EJB
    CallerProfiles callers;

    @PostConstruct
    void schedule() {
        Duration every = settings.cleanupInterval();
        if (!every.isZero() && !every.isNegative()) {
            TimerConfig config = new TimerConfig("archive orphan-file cleanup", false);
            timers.createIntervalTimer(every.toMillis(), every.toMillis(), config);
        }
    }

    @Timeout
    void onTimer() {
        clean("SYSTEM", settings.cleanupMinimumAge());
    }

    /** The admin trigger: platform administrators only; {@code minimumAge} null means the configured one. */
    public CleanupReport cleanNow(Duration minimumAge) {
        if (!callers.current().isPlatformAdmin()) {
            throw new AccessDeniedException("the storage cleanup");
        }
        Duration age = minimumAge == null ? settings.cleanupMinimumAge() : minimumAge;
        return clean(callers.current().username(), age.isNegative() ? Duration.ZERO : age);
    }

    CleanupReport clean(String actor, Duration minimumAge) {
        FileStorage storage = settings.storage();
        Path root = storage.root();
        Instant cutoff = Instant.now().minus(minimumAge);
        long[] counts = new long[4]; // scanned, orphans, temporary, failures
        List<String> removed = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        try {
            storage.visitFilesOlderThan(cutoff, relative -> {
                counts[0]++;
                if (storage.isTemporary(relative)) {
                    removeTemporary(storage, relative, counts, removed);
                    return;
                }
                candidates.add(relative);
                if (candidates.size() == QUERY_BATCH) {
                    removeUnreferenced(storage, candidates, counts, removed);
                    candidates.clear();
                }
            });
            removeUnreferenced(storage, candidates, counts, removed);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.ERROR, "orphan-file cleanup of " + root + " stopped", e);
            counts[3]++;
        }
        CleanupReport report = new CleanupReport(counts[0], counts[1], counts[2], counts[3], List.copyOf(removed));
        LOG.log(counts[1] + counts[2] + counts[3] > 0 ? Level.WARNING : Level.INFO, "orphan-file cleanup by " + actor
                + " of " + root + " (older than " + minimumAge + "): " + report.scanned() + " files, "
                + report.orphansRemoved() + " unreferenced and " + report.temporaryRemoved()
                + " temporary removed, " + report.failures() + " failures" + (removed.isEmpty() ? "" : ": " + removed));
        cleaned.fire(new StorageCleaned(Instant.now(), actor, root.toString(), report.scanned(),
                report.orphansRemoved(), report.temporaryRemoved(), String.join(" ", removed)));
        return report;
    }

    private void removeUnreferenced(FileStorage storage, List<String> candidates, long[] counts, List<String> removed) {
        if (candidates.isEmpty()) {
            return;
        }
        Set<String> referenced = repository.referencedPaths(candidates);
        for (String relative : candidates) {
            if (referenced.contains(relative)) {
                continue;
            }
            // under the in-flight lock, asked again: an ingest may have adopted the file since the batch query
            boolean gone = inFlight.removeIfIdle(relative, () -> repository.referencedPaths(List.of(relative))
                    .isEmpty() && storage.delete(relative));
            if (gone) {
                counts[1]++;
                if (removed.size() < LISTED) {
                    removed.add(relative);
                }
            }
        }
    }

    private static void removeTemporary(FileStorage storage, String relative, long[] counts, List<String> removed) {
        try {
            if (storage.deleteTemporary(relative)) {
                counts[2]++;
                if (removed.size() < LISTED) {
                    removed.add(relative);
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot remove " + relative, e);
            counts[3]++;
        }
    }
}
