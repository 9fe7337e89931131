package cn.yunying.archive.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yunying.archive.application.IndexGroupCommit.Outcome;
import cn.yunying.archive.application.IndexGroupCommit.Pending;
import cn.yunying.archive.domain.InstanceHeader;
import cn.yunying.archive.domain.StoredObject;
import cn.yunying.archive.infrastructure.FileStorage;
import cn.yunying.archive.infrastructure.FileStorage.Placed;
import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.VR;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent objects share transactions; a bad one in a group fails alone; an unforced file is never indexed. */
class IndexGroupCommitTest {

    private static final IngestSource SOURCE = new IngestSource(IngestSource.Kind.DICOM_AE, "CT", 1L, null);

    @TempDir
    Path root;

    /** Commits take 5 ms, like a WAL flush; records every transaction's size; "bad" UIDs fail their transaction. */
    static final class SlowIndexer extends ArchiveIndexer {
        final List<Integer> transactions = Collections.synchronizedList(new ArrayList<>());
        final List<String> indexed = Collections.synchronizedList(new ArrayList<>());

        @Override
        public ExistingCopy indexNewOrFindExisting(NewInstance item) {
            indexNew(List.of(item), CompletableFuture.completedFuture(null));
            return null;
        }

        @Override
        public boolean indexNew(List<NewInstance> batch, Future<?> forced) {
            RuntimeException notForced = failureOf(forced);
            if (notForced != null) {
                transactions.add(batch.size());
                throw notForced;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            transactions.add(batch.size());
            if (batch.stream().anyMatch(i -> i.header().sopInstanceUid().startsWith("9."))) {
                throw new IllegalStateException("constraint violated");
            }
            for (NewInstance i : batch) {
                indexed.add(i.header().sopInstanceUid());
            }
            return true;
        }
    }

    @Test
    void concurrentObjectsAreCommittedInSharedTransactionsAndEachGetsItsOwnAnswer() throws Exception {
        SlowIndexer indexer = new SlowIndexer();
        IndexGroupCommit groupCommit = new IndexGroupCommit(indexer);
        FileStorage storage = new FileStorage(root);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<Pending>> answers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String uid = (i == 77 ? "9." : "1.") + i;
            Placed placed = placed(uid);
            answers.add(threads.submit(() -> groupCommit.submit(new Pending(instance(uid), placed), storage)));
        }
        int failed = 0;
        for (Future<Pending> answer : answers) {
            Pending p = answer.get();
            if (p.outcome() == Outcome.FAILED) {
                failed++;
            } else {
                assertEquals(Outcome.INDEXED, p.outcome());
            }
        }
        threads.shutdown();
        assertEquals(1, failed, "only the bad object fails, not its group");
        assertEquals(199, indexer.indexed.size());
        assertTrue(indexer.transactions.stream().anyMatch(n -> n > 1), "objects share transactions: "
                + indexer.transactions);
        assertTrue(indexer.transactions.size() < 150, "fewer transactions than objects: " + indexer.transactions);
    }

    @Test
    void anObjectWhoseFileCannotBeForcedIsNotIndexedAndSaysSo() throws Exception {
        SlowIndexer indexer = new SlowIndexer();
        IndexGroupCommit groupCommit = new IndexGroupCommit(indexer);
        FileStorage storage = new FileStorage(root);
        Placed gone = new Placed(true, root.resolve("vanished.dcm"), List.of(root));

        Pending answer = groupCommit.submit(new Pending(instance("1.5"), gone), storage);

        assertEquals(Outcome.STORAGE_FAILED, answer.outcome());
        assertTrue(answer.failure() instanceof UncheckedIOException, String.valueOf(answer.failure()));
        assertEquals(List.of(), indexer.indexed, "nothing is indexed for a file that is not on disk");
        assertEquals(Outcome.INDEXED, groupCommit.submit(new Pending(instance("1.6"), placed("1.6")), storage)
                .outcome(), "the next object is not affected");
    }

    /** A written file, as FileStorage.place leaves it. */
    private Placed placed(String sop) throws IOException {
        Path file = Files.write(root.resolve(sop + ".dcm"), new byte[] {1, 2, 3});
        return new Placed(true, file, List.of(root));
    }

    private static ArchiveIndexer.NewInstance instance(String sop) {
        Attributes ds = new Attributes();
        ds.setString(Tag.STUDY_INSTANCE_UID, VR.UI, "1.2");
        ds.setString(Tag.SERIES_INSTANCE_UID, VR.UI, "1.2.3");
        ds.setString(Tag.SOP_INSTANCE_UID, VR.UI, sop);
        return new ArchiveIndexer.NewInstance(SOURCE, InstanceHeader.of(ds), new StoredObject("x/" + sop, 1,
                "0".repeat(32), "0".repeat(64), "1.2.840.10008.1.2.1"), "{}");
    }
}
