package cn.yunying.dicom.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yunying.dicom.TestFiles;
import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Fragments;
import cn.yunying.dicom.data.Sequence;
import cn.yunying.dicom.data.Tag;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Read, write, compare bytes: every pydicom test and charset file. */
class RoundTripTest {

    @TestFactory
    Stream<DynamicTest> everyPydicomFileRoundTripsByteIdentical() {
        List<Path> files = new ArrayList<>(TestFiles.dicomFiles(TestFiles.testFiles()));
        files.addAll(TestFiles.dicomFiles(TestFiles.charsetFiles()));
        assertTrue(files.size() > 60, "expected the pydicom test files, found " + files.size());
        return files.stream()
                .filter(p -> !TestFiles.BROKEN.contains(p.getFileName().toString()))
                .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> assertRoundTrip(p)));
    }

    @TestFactory
    Stream<DynamicTest> brokenFilesGiveAClearError() {
        return TestFiles.BROKEN.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Path p = TestFiles.testFile(name);
            DicomStreamException e = assertThrows(DicomStreamException.class, () -> DicomFiles.read(p));
            assertTrue(e.getMessage().contains("at offset"), e.getMessage());
            assertTrue(e.offset() >= 0 && e.offset() <= Files.size(p), "offset " + e.offset());
        }));
    }

    /** The DICOMDIR test tree (files without extension) and the gzipped MR. */
    @TestFactory
    Stream<DynamicTest> dicomdirTreeAndGzippedFileRoundTrip() throws IOException {
        Path tree = TestFiles.testFiles().resolve("dicomdirtests");
        List<Path> files;
        try (Stream<Path> s = Files.walk(tree)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertTrue(files.size() > 50, "dicomdirtests has " + files.size() + " files");
        // Not DICOM (READMEs), or broken on purpose: DICOMDIR-nooffset had elements removed without
        // shortening the enclosing defined-length sequence, which now claims bytes past the end.
        List<String> rejected = List.of("README.txt", "TINY_ALPHA/README", "DICOMDIR-nooffset");
        Stream<DynamicTest> dicomdir = files.stream().map(p -> DynamicTest.dynamicTest(
                tree.relativize(p).toString(), () -> {
                    if (rejected.contains(tree.relativize(p).toString())) {
                        DicomStreamException e = assertThrows(DicomStreamException.class, () -> DicomFiles.read(p));
                        assertTrue(e.getMessage().contains("at offset"), e.getMessage());
                    } else {
                        assertRoundTrip(p, Files.readAllBytes(p));
                    }
                }));
        Path zipped = TestFiles.testFile("zipMR.gz");
        Stream<DynamicTest> gz = Stream.of(DynamicTest.dynamicTest("zipMR.gz", () -> {
            try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(zipped))) {
                assertRoundTrip(zipped, in.readAllBytes());
            }
        }));
        return Stream.concat(dicomdir, gz);
    }

    static void assertRoundTrip(Path p) throws IOException {
        assertRoundTrip(p, Files.readAllBytes(p));
    }

    static void assertRoundTrip(Path p, byte[] original) throws IOException {
        DicomFile file = new DicomInputStream(new ByteArrayInputStream(original)).readFile();
        assertTrue(file.complete());
        byte[] written = write(file);
        if (file.transferSyntax().deflated()) {
            // The deflate bit stream depends on the compressor; compare what it decompresses to.
            DicomFile again = new DicomInputStream(new ByteArrayInputStream(written)).readFile();
            assertEquals(file.dataset(), again.dataset());
            assertArrayEquals(write(asExplicit(file)), write(asExplicit(again)));
            return;
        }
        if (file.fileMetaInformation() != null && !file.fileMetaInformation().contains(Tag.TRANSFER_SYNTAX_UID)) {
            // Meta information without (0002,0010) is invalid: the writer adds the syntax it used.
            DicomFile again = new DicomInputStream(new ByteArrayInputStream(written)).readFile();
            assertEquals(file.transferSyntax().uid(), again.fileMetaInformation().getString(Tag.TRANSFER_SYNTAX_UID));
            assertEquals(file.dataset().size(), again.dataset().size());
            assertArrayEquals(written, write(again));
            return;
        }
        if (hasOddLengthValue(file.dataset()) || hasOddLengthValue(file.fileMetaInformation())) {
            // Odd lengths are not valid DICOM: the writer pads them, so only the content must survive.
            DicomFile again = new DicomInputStream(new ByteArrayInputStream(written)).readFile();
            assertEquals(file.dataset().size(), again.dataset().size());
            assertFalse(hasOddLengthValue(again.dataset()), "writer must pad odd lengths");
            assertArrayEquals(written, write(again), "a padded file must round-trip byte-identical");
            assertEquals(original.length, written.length - oddPadding(file.dataset()) - oddPadding(file.fileMetaInformation()),
                    "only padding bytes may be added");
            return;
        }
        assertArrayEquals(original, written, () -> p.getFileName() + ": first difference at byte "
                + firstDifference(original, written) + " of " + original.length + "/" + written.length);
    }

    static boolean hasOddLengthValue(Attributes attrs) {
        return oddPadding(attrs) > 0;
    }

    /** Number of odd-length values (each gets one padding byte when written). */
    static int oddPadding(Attributes attrs) {
        if (attrs == null) {
            return 0;
        }
        int odd = 0;
        for (int i = 0; i < attrs.size(); i++) {
            Object v = attrs.valueAt(i);
            if (v instanceof byte[] b && (b.length & 1) != 0) {
                odd++;
            } else if (v instanceof Sequence s) {
                for (Attributes item : s) {
                    odd += oddPadding(item);
                }
            } else if (v instanceof Fragments f) {
                for (int k = 0; k < f.size(); k++) {
                    odd += (int) (f.lengthOf(k) & 1);
                }
            }
        }
        return odd;
    }

    static DicomFile asExplicit(DicomFile f) {
        return new DicomFile(f.preamble(), null, f.dataset(), TransferSyntax.EXPLICIT_VR_LE, true);
    }

    static byte[] write(DicomFile file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DicomOutputStream out = new DicomOutputStream(bytes);
        if (file.fileMetaInformation() == null && file.preamble() == null) {
            out.writeDataSet(file.dataset(), file.transferSyntax());
        } else {
            out.writeFile(file);
        }
        out.flush();
        return bytes.toByteArray();
    }

    static int firstDifference(byte[] a, byte[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i] != b[i]) {
                return i;
            }
        }
        return Math.min(a.length, b.length);
    }

    @TestFactory
    Stream<DynamicTest> noPreambleFilesAreDetected() {
        return Stream.of("ExplVR_BigEndNoMeta.dcm", "ExplVR_LitEndNoMeta.dcm", "rtstruct.dcm")
                .map(name -> DynamicTest.dynamicTest(name, () -> {
                    DicomFile f = DicomFiles.read(TestFiles.testFile(name));
                    assertEquals(null, f.fileMetaInformation());
                    assertFalse(f.dataset().isEmpty());
                }));
    }
}
