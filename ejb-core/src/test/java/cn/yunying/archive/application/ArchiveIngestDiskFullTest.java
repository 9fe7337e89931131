package cn.yunying.archive.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cn.yunying.archive.domain.DuplicatePolicy;
import cn.yunying.archive.infrastructure.ArchiveSettings;
import cn.yunying.archive.infrastructure.FileStorage;
import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.UID;
import cn.yunying.dicom.data.VR;
import cn.yunying.dicom.io.DicomOutputStream;
import cn.yunying.dicom.io.TransferSyntax;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk for real: the storage root is a 2 MiB tmpfs mounted for the test (needs root, as the build machine and
 * CI run; a machine where mounting is impossible fails this test, it does not skip it). Objects of 600 KiB fill it;
 * the one that does not fit gets 0xA700 (C-STORE) / 503 (STOW-RS), leaves no partial file, and once space is freed
 * the same service stores again.
 */
class ArchiveIngestDiskFullTest {

    private static final IngestSource CLINIC = new IngestSource(IngestSource.Kind.DICOM_AE, "MODALITY", 7L, "127.0.0.1");

    @TempDir
    Path parent;

    private Path root;
    private final ArchiveIngestTest.RecordingIndexer indexer = new ArchiveIngestTest.RecordingIndexer();
    private ArchiveIngest ingest;

    @BeforeEach
    void mountTinyFileSystem() throws Exception {
        root = Files.createDirectory(parent.resolve("storage"));
        run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", root.toString());
        FileStorage storage = new FileStorage(root);
        ingest = new ArchiveIngest();
        ingest.indexer = indexer;
        ingest.settings = new ArchiveSettings() {
            @Override
            public DuplicatePolicy duplicatePolicy() {
                return DuplicatePolicy.REJECT;
            }

            @Override
            public FileStorage storage() {
                return storage;
            }
        };
    }

    @AfterEach
    void unmount() throws Exception {
        run("umount", root.toString());
    }

    @Test
    void aFullDiskRefusesTheObjectWithOutOfResourcesLeavesNothingAndTheNextStoreWorksOnceThereIsSpace()
            throws Exception {
        int stored = 0;
        IngestResult refused = null;
        for (int i = 1; i <= 10 && refused == null; i++) {
            byte[] dataSet = dataSet("1.2.840.99.7." + i, 600 * 1024);
            IngestResult result = ingest.ingestDataSet(CLINIC, UID.EXPLICIT_VR_LITTLE_ENDIAN,
                    UID.CT_IMAGE_STORAGE, "1.2.840.99.7." + i, new ByteArrayInputStream(dataSet));
            if (result.success()) {
                stored++;
            } else {
                refused = result;
            }
        }
        assertTrue(stored >= 2, "the first objects fit: " + stored);
        assertTrue(refused != null, "2 MiB cannot hold ten 600 KiB objects");
        assertEquals(IngestResult.OUT_OF_RESOURCES, refused.status(), refused.message());
        assertEquals(503, refused.httpStatus(), "STOW-RS reports it per instance as out of resources");
        assertEquals(stored, indexer.indexed.size(), "the refused object was not indexed");
        assertEquals(stored, storedFiles().size(), "no partial file is left: " + storedFiles());
        assertEquals(List.of(), temporaryFiles(), "no temporary file is left");

        Files.delete(root.resolve(indexer.indexed.get(0).relativePath())); // an operator frees space
        byte[] again = dataSet("1.2.840.99.7.100", 600 * 1024);
        IngestResult result = ingest.ingestDataSet(CLINIC, UID.EXPLICIT_VR_LITTLE_ENDIAN, UID.CT_IMAGE_STORAGE,
                "1.2.840.99.7.100", new ByteArrayInputStream(again));
        assertEquals(IngestResult.SUCCESS, result.status(), result.message());
        assertTrue(Files.isRegularFile(root.resolve(indexer.indexed.get(stored).relativePath())));
    }

    private static byte[] dataSet(String sop, int pixelBytes) throws IOException {
        Attributes ds = new Attributes();
        ds.setString(Tag.SOP_CLASS_UID, VR.UI, UID.CT_IMAGE_STORAGE);
        ds.setString(Tag.SOP_INSTANCE_UID, VR.UI, sop);
        ds.setString(Tag.PATIENT_ID, VR.LO, "FULL-1");
        ds.setString(Tag.STUDY_INSTANCE_UID, VR.UI, "1.2.840.99.7");
        ds.setString(Tag.SERIES_INSTANCE_UID, VR.UI, "1.2.840.99.7.0");
        ds.setString(Tag.MODALITY, VR.CS, "CT");
        byte[] pixels = new byte[pixelBytes];
        pixels[0] = (byte) sop.hashCode();
        ds.setBytes(Tag.PIXEL_DATA, VR.OW, pixels);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DicomOutputStream out = new DicomOutputStream(bytes)) {
            out.writeDataSet(ds, TransferSyntax.EXPLICIT_VR_LE);
        }
        return bytes.toByteArray();
    }

    private List<Path> storedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(p -> !root.relativize(p).startsWith(".incoming")).toList();
        }
    }

    private List<Path> temporaryFiles() throws IOException {
        Path incoming = root.resolve(".incoming");
        if (!Files.isDirectory(incoming)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(incoming)) {
            return files.toList();
        }
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            fail(String.join(" ", command) + " failed (the test needs root to mount a tmpfs): " + output);
        }
    }
}
