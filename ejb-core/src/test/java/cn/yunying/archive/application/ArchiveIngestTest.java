package cn.yunying.archive.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yunying.archive.application.ArchiveIndexer.ExistingCopy;
import cn.yunying.archive.application.IngestResult.Outcome;
import cn.yunying.archive.domain.DuplicatePolicy;
import cn.yunying.archive.domain.InstanceHeader;
import cn.yunying.archive.domain.StoredObject;
import cn.yunying.archive.infrastructure.ArchiveSettings;
import cn.yunying.archive.infrastructure.FileStorage;
import cn.yunying.dicom.data.UID;
import cn.yunying.dicom.io.DicomFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Store then index, and every failure path: what is on disk and what reached the index afterwards. */
class ArchiveIngestTest {

    private static final IngestSource CLINIC = new IngestSource(IngestSource.Kind.USER, "tech", 7L, "127.0.0.1");

    @TempDir
    Path root;

    private final RecordingIndexer indexer = new RecordingIndexer();
    private DuplicatePolicy policy = DuplicatePolicy.REJECT;
    private FileStorage storage;
    private ArchiveIngest ingest;

    @BeforeEach
    void setUp() {
        storage = new FileStorage(root);
        ingest = new ArchiveIngest();
        ingest.indexer = indexer;
        ingest.settings = new ArchiveSettings() {
            @Override
            public DuplicatePolicy duplicatePolicy() {
                return policy;
            }

            @Override
            public FileStorage storage() {
                return storage;
            }
        };
    }

    @Test
    void storesTheFileByteForByteThenIndexesItWithItsChecksums() throws Exception {
        byte[] object = TestObjects.part10("1.2.3.4.5", "a");
        IngestResult result = ingest.ingestPart10(CLINIC, new ByteArrayInputStream(object));
        assertEquals(IngestResult.SUCCESS, result.status(), result.message());
        assertEquals(Outcome.STORED, result.outcome());
        assertEquals("1.2.3", result.studyUid());
        StoredObject file = indexer.indexed.get(0);
        assertEquals(sha256(object), file.sha256());
        assertEquals(object.length, file.size());
        assertTrue(Files.isRegularFile(storage.resolve(file.relativePath())));
        assertTrue(java.util.Arrays.equals(object, Files.readAllBytes(storage.resolve(file.relativePath()))));
        assertEquals("张三^四", indexer.headers.get(0).patientName(), "GB18030 decoded while copying");
        assertTrue(indexer.metadata.get(0).contains("张三^四") && indexer.metadata.get(0).contains("ISO_IR 192")
                && !indexer.metadata.get(0).contains("7FE00010"), indexer.metadata.get(0));
        assertEquals(0, incoming());
    }

    @Test
    void whenIndexingFailsTheStoredFileIsRemoved() throws Exception {
        indexer.failIndex = true;
        IngestResult result = ingest.ingestPart10(CLINIC, new ByteArrayInputStream(TestObjects.part10("1.2.3.4.6", "b")));
        assertEquals(IngestResult.PROCESSING_FAILURE, result.status());
        assertEquals(Outcome.FAILED, result.outcome());
        assertEquals(0, dicomFiles(), "no file is left without its index entry");
        assertEquals(0, incoming());
    }

    @Test
    void aLostRaceForANewStudyIsRetriedButAnOwnershipConflictIsNot() throws Exception {
        indexer.failuresBeforeSuccess = 1;
        IngestResult retried = ingest.ingestPart10(CLINIC, new ByteArrayInputStream(TestObjects.part10("1.2.3.4.11", "g")));
        assertEquals(IngestResult.SUCCESS, retried.status());
        assertEquals(1, dicomFiles());

        indexer.conflict = true;
        IngestResult refused = ingest.ingestPart10(CLINIC, new ByteArrayInputStream(TestObjects.part10("1.2.3.4.12", "h")));
        assertEquals(IngestResult.PROCESSING_FAILURE, refused.status());
        assertEquals(1, dicomFiles(), "the refused object's file is removed, the other stays");
    }

    @Test
    void whenStorageFailsNothingIsIndexed() throws Exception {
        storage = new FileStorage(Files.writeString(root.resolve("a-file"), "not a folder"));
        IngestResult result = ingest.ingestPart10(CLINIC, new ByteArrayInputStream(TestObjects.part10("1.2.3.4.7", "c")));
        assertEquals(IngestResult.OUT_OF_RESOURCES, result.status());
        assertTrue(indexer.indexed.isEmpty());
        assertEquals(0, indexer.lookups, "not even looked up");
    }

    @Test
    void somethingThatIsNotDicomIsNotUnderstoodAndLeavesNothing() {
        IngestResult result = ingest.ingestPart10(CLINIC, new ByteArrayInputStream(new byte[0]));
        assertEquals(IngestResult.CANNOT_UNDERSTAND, result.status());
        assertTrue(indexer.indexed.isEmpty());
        assertEquals(0, incoming());
    }

    @Test
    void aDataSetFromCStoreGetsMetaInformationAndMustMatchTheCommand() throws Exception {
        byte[] dataSet = TestObjects.bareDataSet("1.2.3.4.8");
        IngestResult ok = ingest.ingestDataSet(CLINIC, UID.IMPLICIT_VR_LITTLE_ENDIAN, UID.SECONDARY_CAPTURE_IMAGE_STORAGE,
                "1.2.3.4.8", new ByteArrayInputStream(dataSet));
        assertEquals(IngestResult.SUCCESS, ok.status(), ok.message());
        Path stored = storage.resolve(indexer.indexed.get(0).relativePath());
        var file = DicomFiles.read(stored);
        assertEquals("1.2.3.4.8", file.fileMetaInformation().getString(0x00020003));
        assertEquals(UID.IMPLICIT_VR_LITTLE_ENDIAN, indexer.indexed.get(0).transferSyntaxUid());

        IngestResult mismatch = ingest.ingestDataSet(CLINIC, UID.IMPLICIT_VR_LITTLE_ENDIAN,
                UID.SECONDARY_CAPTURE_IMAGE_STORAGE, "1.2.3.4.999", new ByteArrayInputStream(dataSet));
        assertEquals(IngestResult.DATA_SET_DOES_NOT_MATCH, mismatch.status());
        assertEquals(1, indexer.indexed.size());
    }

    @Test
    void anIdenticalDuplicateIsASuccessWithoutASecondFile() throws Exception {
        byte[] object = TestObjects.part10("1.2.3.4.9", "d");
        ingest.ingestPart10(CLINIC, new ByteArrayInputStream(object));
        indexer.existing = Optional.of(new ExistingCopy(7L, sha256(object), indexer.indexed.get(0).relativePath()));
        IngestResult again = ingest.ingestPart10(CLINIC, new ByteArrayInputStream(object));
        assertEquals(IngestResult.SUCCESS, again.status());
        assertEquals(Outcome.DUPLICATE_IDENTICAL, again.outcome());
        assertTrue(again.duplicate());
        assertEquals(1, indexer.indexed.size());
        assertEquals(1, dicomFiles());
        assertTrue(indexer.duplicates.isEmpty(), "an identical copy is not a conflict");
    }

    @Test
    void aDifferingDuplicateGoesByThePolicy() throws Exception {
        byte[] first = TestObjects.part10("1.2.3.4.10", "e");
        ingest.ingestPart10(CLINIC, new ByteArrayInputStream(first));
        String firstPath = indexer.indexed.get(0).relativePath();
        indexer.existing = Optional.of(new ExistingCopy(7L, sha256(first), firstPath));
        byte[] second = TestObjects.part10("1.2.3.4.10", "f");

        IngestResult rejected = ingest.ingestPart10(CLINIC, new ByteArrayInputStream(second));
        assertEquals(IngestResult.DUPLICATE_SOP_INSTANCE, rejected.status());
        assertEquals(Outcome.DUPLICATE_REJECTED, rejected.outcome());
        assertEquals(List.of("DUPLICATE_REJECTED"), indexer.duplicates);
        assertEquals(1, dicomFiles());

        policy = DuplicatePolicy.KEEP;
        IngestResult kept = ingest.ingestPart10(CLINIC, new ByteArrayInputStream(second));
        assertEquals(IngestResult.SUCCESS, kept.status());
        assertEquals(Outcome.DUPLICATE_KEPT_EXISTING, kept.outcome());
        assertEquals(1, dicomFiles());

        policy = DuplicatePolicy.REPLACE;
        indexer.replacedPath = firstPath;
        IngestResult replaced = ingest.ingestPart10(CLINIC, new ByteArrayInputStream(second));
        assertEquals(IngestResult.SUCCESS, replaced.status());
        assertEquals(Outcome.DUPLICATE_REPLACED, replaced.outcome());
        assertTrue(indexer.replaceFlags.get(indexer.replaceFlags.size() - 1));
        assertFalse(Files.exists(storage.resolve(firstPath)), "the replaced file is removed");
        assertEquals(1, dicomFiles());
        assertEquals(sha256(second), indexer.indexed.get(indexer.indexed.size() - 1).sha256());
    }

    @Test
    void anotherInstitutionsInstanceIsNeverReplaced() {
        ExistingCopy foreign = new ExistingCopy(8L, "x", "p");
        assertEquals(Outcome.DUPLICATE_REJECTED, ArchiveIngest.decide(foreign, "x", CLINIC, DuplicatePolicy.REPLACE));
    }

    private long dicomFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".dcm")).count();
        }
    }

    private long incoming() {
        Path dir = root.resolve(".incoming");
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    /** Stands in for the transactional indexer: records what it was given. */
    static final class RecordingIndexer extends ArchiveIndexer {
        final List<StoredObject> indexed = new java.util.ArrayList<>();
        final List<InstanceHeader> headers = new java.util.ArrayList<>();
        final List<String> metadata = new java.util.ArrayList<>();
        final List<Boolean> replaceFlags = new java.util.ArrayList<>();
        final List<String> duplicates = new java.util.ArrayList<>();
        Optional<ExistingCopy> existing = Optional.empty();
        boolean failIndex;
        int failuresBeforeSuccess;
        boolean conflict;
        String replacedPath;
        int lookups;

        @Override
        public Optional<ExistingCopy> existing(String sopInstanceUid) {
            lookups++;
            return existing;
        }

        @Override
        public String index(IngestSource source, InstanceHeader h, StoredObject file, String json, boolean replace) {
            if (failIndex) {
                throw new IllegalStateException("database down");
            }
            if (conflict) {
                throw new jakarta.ejb.EJBException(new cn.yunying.archive.domain.IndexConflict("other institution"));
            }
            if (failuresBeforeSuccess > 0) {
                failuresBeforeSuccess--;
                throw new IllegalStateException("duplicate key uq_archive_study_uid");
            }
            indexed.add(file);
            headers.add(h);
            metadata.add(json);
            replaceFlags.add(replace);
            return replace ? replacedPath : null;
        }

        @Override
        public boolean indexNew(List<ArchiveIndexer.NewInstance> group, java.util.concurrent.Future<?> forced) {
            RuntimeException notForced = ArchiveIndexer.failureOf(forced);
            if (notForced != null) {
                throw notForced;
            }
            for (ArchiveIndexer.NewInstance i : group) {
                if (existing.isPresent()) {
                    return false; // as the real one: the unique constraint refused the group, rolled back
                }
                index(i.source(), i.header(), i.file(), i.metadataJson(), false);
            }
            return true;
        }

        @Override
        public ExistingCopy indexNewOrFindExisting(ArchiveIndexer.NewInstance i) {
            Optional<ExistingCopy> copy = existing(i.header().sopInstanceUid());
            if (copy.isPresent()) {
                return copy.get();
            }
            index(i.source(), i.header(), i.file(), i.metadataJson(), false);
            return null;
        }

        @Override
        public void recordDuplicate(IngestSource source, InstanceHeader h, ExistingCopy kept, String sha, String res) {
            duplicates.add(res);
        }
    }
}
