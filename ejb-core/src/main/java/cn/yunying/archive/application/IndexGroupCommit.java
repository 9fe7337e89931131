package cn.yunying.archive.application;

import cn.yunying.archive.application.ArchiveIndexer.ExistingCopy;
import cn.yunying.archive.application.ArchiveIndexer.NewInstance;
import cn.yunying.archive.domain.IndexConflict;
import cn.yunying.archive.infrastructure.FileStorage;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit, shared by every association and STOW-RS request: objects whose files are written and renamed wait
 * here while one of their threads (the leader) indexes the group in one transaction; everybody then gets their own
 * answer. While a group commits, the next one gathers, so under load the cost of the fsyncs and of the database commit
 * is shared, and with a single sender nothing waits for a timer.
 *
 * <p>The group's files and directory entries are forced on another thread while the leader writes the index rows, and
 * the transaction commits only once they are forced (an fsync failure rolls it back): nobody is answered before both
 * their file and their index row are durable, and a crash in between leaves at most an unreferenced file for the
 * orphan-file cleanup.
 *
 * <p>If the group's transaction fails (a lost race on a new patient or study, a conflict in one object, the database
 * gone), each object is indexed again on its own so that one bad object does not fail the others.
 */
@ApplicationScoped
public class IndexGroupCommit {

    private static final System.Logger LOG = System.getLogger(IndexGroupCommit.class.getName());
    /** Upper bound of one group, so that a transaction stays short. */
    static final int MAX_GROUP = 64;
    /** A lost race on a unique constraint (same new study from two associations) succeeds on the next attempt. */
    static final int INDEX_ATTEMPTS = 3;

    /** What happened to one object: {@code STORAGE_FAILED} when its file could not be forced (nothing indexed). */
    public enum Outcome { INDEXED, ALREADY_INDEXED, FAILED, STORAGE_FAILED }

    /** One object waiting for the group commit, and, once {@code done}, its answer. */
    public static final class Pending {
        final NewInstance instance;
        final FileStorage.Placed placed;
        Outcome outcome;
        ExistingCopy existing;
        RuntimeException failure;

        public Pending(NewInstance instance, FileStorage.Placed placed) {
            this.instance = instance;
            this.placed = placed;
        }

        public Outcome outcome() {
            return outcome;
        }

        /** The indexed copy when {@link Outcome#ALREADY_INDEXED}. */
        public ExistingCopy existing() {
            return existing;
        }

        /** Why, when {@link Outcome#FAILED} or {@link Outcome#STORAGE_FAILED}. */
        public RuntimeException failure() {
            return failure;
        }
    }

    @EJB
    ArchiveIndexer indexer;

    /** Runs the fsyncs beside the index transaction; absent outside the container (then they run first). */
    @Resource
    ManagedExecutorService executor;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition committed = lock.newCondition();
    private final List<Pending> waiting = new ArrayList<>();
    private boolean leading;

    public IndexGroupCommit() {
    }

    /** For tests outside the container. */
    public IndexGroupCommit(ArchiveIndexer indexer) {
        this.indexer = indexer;
    }

    /** Returns once this object is indexed (or has failed) and its directory entries are forced. */
    public Pending submit(Pending pending, FileStorage storage) {
        lock.lock();
        try {
            waiting.add(pending);
            while (pending.outcome == null) {
                if (!leading) {
                    leading = true;
                    List<Pending> group = new ArrayList<>(waiting.subList(0, Math.min(MAX_GROUP, waiting.size())));
                    waiting.subList(0, group.size()).clear();
                    lock.unlock();
                    try {
                        commit(group, storage);
                    } finally {
                        lock.lock();
                        leading = false;
                        committed.signalAll();
                    }
                } else {
                    committed.awaitUninterruptibly();
                }
            }
            return pending;
        } finally {
            lock.unlock();
        }
    }

    private void commit(List<Pending> group, FileStorage storage) {
        try {
            Future<?> durable = forceFiles(group, storage);
            // first without looking anything up: the unique constraint catches a known SOP instance UID
            try {
                if (indexer.indexNew(group.stream().map(p -> p.instance).toList(), durable)) {
                    for (Pending p : group) {
                        p.outcome = Outcome.INDEXED;
                    }
                    return;
                }
                LOG.log(Level.DEBUG, "group of " + group.size() + " holds a known or conflicting object, indexing one"
                        + " by one, looked up");
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "group of " + group.size() + " rolled back, indexing one by one, looked up", e);
            }
            RuntimeException notForced = ArchiveIndexer.failureOf(durable);
            for (Pending p : group) {
                if (notForced != null) {
                    p.failure = notForced;
                    p.outcome = Outcome.STORAGE_FAILED;
                } else {
                    indexAlone(p);
                }
            }
        } catch (RuntimeException | Error e) {
            for (Pending p : group) {
                if (p.outcome == null) {
                    p.failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                    p.outcome = Outcome.FAILED;
                }
            }
        }
    }

    /** Starts forcing the group's files and directories; the returned future fails if any of them could not be. */
    private Future<?> forceFiles(List<Pending> group, FileStorage storage) {
        List<FileStorage.Placed> placed = group.stream().map(p -> p.placed).toList();
        Callable<Void> force = () -> {
            storage.force(placed);
            return null;
        };
        if (executor != null) {
            try {
                return executor.submit(force);
            } catch (RejectedExecutionException busy) {
                LOG.log(Level.DEBUG, "no thread to force files on, forcing them first", busy);
            }
        }
        FutureTask<Void> inline = new FutureTask<>(force);
        inline.run();
        return inline;
    }

    private void indexAlone(Pending p) {
        for (int attempt = 1; attempt <= INDEX_ATTEMPTS; attempt++) {
            try {
                ExistingCopy existing = indexer.indexNewOrFindExisting(p.instance);
                p.existing = existing;
                p.outcome = existing == null ? Outcome.INDEXED : Outcome.ALREADY_INDEXED;
                return;
            } catch (RuntimeException e) {
                // A concurrent ingest may have created the same patient, study or series first: look again.
                p.failure = e;
                if (IndexConflict.in(e)) {
                    break;
                }
                LOG.log(Level.DEBUG, "indexing " + p.instance.header().sopInstanceUid() + " failed, attempt "
                        + attempt, e);
            }
        }
        p.outcome = Outcome.FAILED;
    }
}
