package cn.yunying.dicom.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yunying.dicom.SyntheticCt;
import cn.yunying.dicom.TestFiles;
import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.BulkData;
import cn.yunying.dicom.data.Fragments;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.VR;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamingTest {
    @TempDir
    Path dir;

    @Test
    void headerOnlyStopsBeforePixelDataAndReadsNothingOfIt() throws Exception {
        byte[] file = SyntheticCt.part10(512, 512);
        CountingStream counting = new CountingStream(file);
        DicomInputStream in = new DicomInputStream(counting, ReadOptions.headerOnly());
        DicomFile header = in.readFile();
        assertFalse(header.complete());
        assertFalse(header.dataset().contains(Tag.PIXEL_DATA));
        assertEquals(512, header.dataset().getInt(Tag.ROWS, 0));
        assertEquals("Wang^XiaoMing=王^小明", header.dataset().getString(Tag.PATIENT_NAME));
        assertTrue(counting.delivered < 64 * 1024, "read " + counting.delivered + " bytes of " + file.length);
        assertEquals(file.length - 512 * 512 * 2 - 12, in.position(), "positioned at the pixel data header");
    }

    @Test
    void bulkDataReferencesPointAtTheRightBytes() throws Exception {
        Path p = dir.resolve("ct.dcm");
        byte[] file = SyntheticCt.part10(64, 64);
        Files.write(p, file);
        DicomFile f = DicomFiles.readWithBulkDataReferences(p, 1024);
        BulkData ref = f.dataset().getBulkData(Tag.PIXEL_DATA);
        assertEquals(p.toUri().toString(), ref.uri());
        assertEquals(64 * 64 * 2, ref.length());
        assertFalse(ref.bigEndian());
        byte[] expected = SyntheticCt.dataset(64, 64).getBytes(Tag.PIXEL_DATA);
        assertArrayEquals(expected, Arrays.copyOfRange(file, (int) ref.offset(), (int) (ref.offset() + ref.length())));
        assertArrayEquals(expected, ref.readAllBytes());
        // Writing streams the referenced bytes back: same file.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomOutputStream(out).writeFile(f);
        assertArrayEquals(file, out.toByteArray());
        assertEquals(ref, BulkData.fromUriString(ref.toUriString(), false));
    }

    @Test
    void encapsulatedFragmentsBecomeReferencesAndWriteBackIdentically() throws Exception {
        Path p = TestFiles.testFile("JPEG2000.dcm");
        DicomFile f = DicomFiles.readWithBulkDataReferences(p, 0);
        Fragments fragments = f.dataset().getFragments(Tag.PIXEL_DATA);
        assertInstanceOf(byte[].class, fragments.get(0), "basic offset table stays in memory");
        assertInstanceOf(BulkData.class, fragments.get(1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomOutputStream(out).writeFile(f);
        assertArrayEquals(Files.readAllBytes(p), out.toByteArray());
    }

    @Test
    void copyWhileParsingCopiesEveryByteAndReturnsTheHeader() throws Exception {
        byte[] file = SyntheticCt.part10(256, 256);
        Path stored = dir.resolve("received.dcm");
        DicomFile parsed;
        try (var out = Files.newOutputStream(stored)) {
            parsed = DicomFiles.copyAndParse(new ByteArrayInputStream(file), out, 4096, stored.toUri().toString());
        }
        assertArrayEquals(file, Files.readAllBytes(stored));
        assertEquals("CT", parsed.dataset().getString(Tag.MODALITY));
        BulkData pixels = parsed.dataset().getBulkData(Tag.PIXEL_DATA);
        assertArrayEquals(SyntheticCt.dataset(256, 256).getBytes(Tag.PIXEL_DATA), pixels.readAllBytes());
    }

    @Test
    void writingOverTheFileBulkDataComesFromIsRefused() throws Exception {
        Path p = dir.resolve("ct.dcm");
        Files.write(p, SyntheticCt.part10(32, 32));
        DicomFile f = DicomFiles.readWithBulkDataReferences(p, 256);
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> DicomFiles.write(p, f));
        assertTrue(e.getMessage().contains("still refers to"), e.getMessage());
        assertArrayEquals(SyntheticCt.part10(32, 32), Files.readAllBytes(p), "file untouched");
    }

    @Test
    void copyWhileParsingABareDataSetAsTheNetworkReceivesIt() throws Exception {
        Attributes ct = SyntheticCt.dataset(64, 64);
        ByteArrayOutputStream pdvs = new ByteArrayOutputStream();
        new DicomOutputStream(pdvs).writeDataSet(ct, TransferSyntax.IMPLICIT_VR_LE);
        ByteArrayOutputStream stored = new ByteArrayOutputStream();
        DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(pdvs.toByteArray()), stored,
                ReadOptions.headerOnly());
        Attributes header = in.readDataSet(TransferSyntax.IMPLICIT_VR_LE);
        in.finishCopy();
        assertArrayEquals(pdvs.toByteArray(), stored.toByteArray());
        assertEquals(64, header.getInt(Tag.ROWS, 0));
        assertFalse(header.contains(Tag.PIXEL_DATA));
    }

    @Test
    void copyWhileParsingAlsoCopiesWhatFollowsAHeaderOnlyRead() throws Exception {
        byte[] file = Files.readAllBytes(TestFiles.testFile("CT_small.dcm"));
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(file), copy, ReadOptions.headerOnly());
        DicomFile header = in.readFile();
        assertNull(header.dataset().getValue(Tag.PIXEL_DATA));
        in.finishCopy();
        assertArrayEquals(file, copy.toByteArray());
    }

    @Test
    void deflatedFilesAreReadAndWritten() throws Exception {
        DicomFile f = DicomFiles.read(TestFiles.testFile("image_dfl.dcm"));
        assertTrue(f.transferSyntax().deflated());
        assertTrue(f.dataset().size() > 10);
        Attributes ct = SyntheticCt.dataset(32, 32);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomOutputStream(out).writeFile(new DicomFile(null, null, ct, TransferSyntax.DEFLATED_EXPLICIT_VR_LE, true));
        DicomFile back = DicomFiles.parse(out.toByteArray());
        assertEquals(ct, back.dataset());
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        new DicomOutputStream(plain).writeFile(new DicomFile(null, null, ct, TransferSyntax.EXPLICIT_VR_LE, true));
        assertTrue(out.size() < plain.size(), "deflate compresses: " + out.size() + " vs " + plain.size());
    }

    @Test
    void convertsBetweenAllNativeTransferSyntaxes() throws Exception {
        Attributes ct = SyntheticCt.dataset(16, 16);
        TransferSyntax[] all = {TransferSyntax.IMPLICIT_VR_LE, TransferSyntax.EXPLICIT_VR_LE,
            TransferSyntax.EXPLICIT_VR_BE, TransferSyntax.DEFLATED_EXPLICIT_VR_LE};
        for (TransferSyntax ts : all) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new DicomOutputStream(out).writeFile(new DicomFile(null, null, ct, ts, true));
            DicomFile back = DicomFiles.parse(out.toByteArray());
            assertEquals(ts.uid(), back.transferSyntax().uid());
            Attributes expected = ct;
            if (!ts.explicitVR()) {
                // Implicit VR cannot carry the VR of private elements without a dictionary entry: they come back UN.
                assertEquals(cn.yunying.dicom.data.VR.UN, back.dataset().getVR(0x00291001));
                expected = ct.deepCopy();
                back.dataset().remove(0x00291001);
                back.dataset().remove(0x00291002);
                expected.remove(0x00291001);
                expected.remove(0x00291002);
            }
            assertEquals(expected, back.dataset(), ts.toString());
            assertEquals(ts.bigEndian(), back.dataset().isBigEndian());
        }
    }

    @Test
    void bigEndianFileMatchesItsLittleEndianTwin() throws Exception {
        Attributes be = DicomFiles.read(TestFiles.testFile("MR_small_bigendian.dcm")).dataset();
        Attributes le = DicomFiles.read(TestFiles.testFile("MR_small.dcm")).dataset();
        assertEquals(le.getInt(Tag.ROWS, 0), be.getInt(Tag.ROWS, 0));
        assertArrayEquals(le.getDoubles(0x00280030), be.getDoubles(0x00280030));
        assertArrayEquals(le.getLongs(Tag.PIXEL_DATA), be.getLongs(Tag.PIXEL_DATA));
    }

    @Test
    void unSequenceOfUndefinedLengthIsParsedAsImplicitLittleEndianItems() throws Exception {
        DicomFile f = DicomFiles.read(TestFiles.testFile("UN_sequence.dcm"));
        boolean found = false;
        for (int i = 0; i < f.dataset().size(); i++) {
            if (f.dataset().valueAt(i) instanceof cn.yunying.dicom.data.Sequence s
                    && f.dataset().vrAt(i) == cn.yunying.dicom.data.VR.UN) {
                found = !s.isEmpty() && s.get(0).size() > 0;
            }
        }
        assertTrue(found, "an UN element holding a sequence");
    }

    @Test
    void metaInformationWithoutPreambleAndMislabelledImplicitData() throws Exception {
        byte[] file = SyntheticCt.part10(4, 4);
        DicomFile noPreamble = DicomFiles.parse(Arrays.copyOfRange(file, 132, file.length));
        assertNull(noPreamble.preamble());
        assertEquals(TransferSyntax.EXPLICIT_VR_LE, noPreamble.transferSyntax());
        assertEquals(DicomFiles.parse(file).dataset(), noPreamble.dataset());

        // Meta information says explicit VR, the data set is implicit VR: the bytes win.
        Attributes ct = SyntheticCt.dataset(4, 4);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomOutputStream dos = new DicomOutputStream(out);
        dos.writeFile(new byte[128], DicomOutputStream.createFileMetaInformation(ct, TransferSyntax.EXPLICIT_VR_LE.uid()),
                new Attributes(), TransferSyntax.EXPLICIT_VR_LE);
        dos.writeDataSet(ct, TransferSyntax.IMPLICIT_VR_LE);
        DicomFile mislabelled = DicomFiles.parse(out.toByteArray());
        assertFalse(mislabelled.transferSyntax().explicitVR());
        assertEquals(TransferSyntax.EXPLICIT_VR_LE.uid(), mislabelled.transferSyntax().uid(), "the label is kept");
        assertEquals(ct.getString(Tag.PATIENT_NAME), mislabelled.dataset().getString(Tag.PATIENT_NAME));
        // Written back as it was read (byte-identical); converting it is an explicit choice.
        ByteArrayOutputStream same = new ByteArrayOutputStream();
        new DicomOutputStream(same).writeFile(mislabelled);
        assertArrayEquals(out.toByteArray(), same.toByteArray());
        ByteArrayOutputStream fixed = new ByteArrayOutputStream();
        new DicomOutputStream(fixed).writeFile(new DicomFile(null, mislabelled.fileMetaInformation(),
                mislabelled.dataset(), TransferSyntax.EXPLICIT_VR_LE, true));
        DicomFile again = DicomFiles.parse(fixed.toByteArray());
        assertTrue(again.transferSyntax().explicitVR());
        assertEquals(ct.getString(Tag.PATIENT_NAME), again.dataset().getString(Tag.PATIENT_NAME));
    }

    @Test
    void implicitVrPrivateElementsGetTheirVrFromThePrivateDictionary() throws Exception {
        Attributes ds = new Attributes();
        ds.setString(0x00290011, VR.LO, "SIEMENS CSA HEADER");
        ds.setBytes(0x00291110, VR.OB, new byte[] {1, 2, 3, 4});
        ds.setString(0x00291108, VR.CS, "IMAGE NUM 4");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomOutputStream(out).writeDataSet(ds, TransferSyntax.IMPLICIT_VR_LE);
        Attributes back = new DicomInputStream(new ByteArrayInputStream(out.toByteArray()))
                .readDataSet(TransferSyntax.IMPLICIT_VR_LE);
        assertEquals(VR.OB, back.getVR(0x00291110));
        assertEquals(VR.CS, back.getVR(0x00291108));
        assertEquals("IMAGE NUM 4", back.getString(back.privateTag("SIEMENS CSA HEADER", 0x0029, 0x08)));
    }

    @Test
    void transferSyntaxesAreClassified() {
        assertTrue(TransferSyntax.of("1.2.840.10008.1.2.4.50").encapsulated());
        assertTrue(TransferSyntax.of("1.2.840.10008.1.2.4.201").encapsulated(), "HTJ2K");
        assertTrue(TransferSyntax.of("1.2.840.10008.1.2.4.107").isRegistered(), "HEVC");
        assertTrue(TransferSyntax.of("1.2.840.10008.1.2.5").encapsulated(), "RLE");
        assertFalse(TransferSyntax.of("1.2.840.10008.1.2.1").encapsulated());
        assertTrue(TransferSyntax.of("1.2.840.10008.1.2.1.99").deflated());
        assertTrue(TransferSyntax.of("1.2.840.10008.1.2.2").bigEndian());
        assertFalse(TransferSyntax.of("1.2.3.4.5").isRegistered());
    }

    /** Counts bytes handed out, to prove what was not read. */
    static final class CountingStream extends InputStream {
        private final ByteArrayInputStream in;
        long delivered;

        CountingStream(byte[] b) {
            in = new ByteArrayInputStream(b);
        }

        @Override
        public int read() {
            int b = in.read();
            delivered += b >= 0 ? 1 : 0;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = in.read(b, off, len);
            delivered += Math.max(n, 0);
            return n;
        }
    }
}
