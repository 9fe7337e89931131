package cn.yunying.dicom.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yunying.dicom.SyntheticCt;
import cn.yunying.dicom.data.Bytes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Every kind of broken input gives a DicomStreamException naming offset and tag. */
class BadInputTest {

    static DicomStreamException reject(byte[] bytes) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThrows(DicomStreamException.class, () -> DicomFiles.parse(bytes)));
    }

    static byte[] element(int group, int element, String vr, byte[] value, boolean longForm, long length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] h = new byte[12];
        Bytes.putShort(h, 0, group, false);
        Bytes.putShort(h, 2, element, false);
        h[4] = (byte) vr.charAt(0);
        h[5] = (byte) vr.charAt(1);
        if (longForm) {
            Bytes.putInt(h, 8, (int) length, false);
            out.write(h, 0, 12);
        } else {
            Bytes.putShort(h, 6, (int) length, false);
            out.write(h, 0, 8);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    @Test
    void truncatedAnywhereIsReportedNeverSilentlyAccepted() {
        byte[] file = SyntheticCt.part10(8, 8);
        for (int cut = 133; cut < file.length; cut += 7) {
            byte[] truncated = Arrays.copyOf(file, cut);
            // A cut exactly between two elements is a valid, shorter data set; any other cut must fail.
            try {
                DicomFile f = DicomFiles.parse(truncated);
                long complete = DicomFiles.parse(file).dataset().size();
                assertTrue(f.dataset().size() < complete, "cut " + cut);
                // The cut was at an element boundary: what was read is exactly a prefix.
                ByteArrayOutputStream again = new ByteArrayOutputStream();
                new DicomOutputStream(again).writeFile(f);
                assertTrue(Arrays.equals(truncated, again.toByteArray()), "cut " + cut + " is an element boundary");
            } catch (DicomStreamException e) {
                assertTrue(e.getMessage().contains("at offset"), e.getMessage());
                assertTrue(e.offset() <= cut, e.getMessage());
            } catch (IOException e) {
                throw new AssertionError("cut " + cut + ": not a DicomStreamException: " + e, e);
            }
        }
    }

    @Test
    void lengthBeyondTheStreamIsRejectedBeforeAllocating() {
        byte[] bytes = element(0x0010, 0x0010, "OB", new byte[16], true, 0xFFFFFFF0L);
        DicomStreamException e = reject(bytes);
        assertTrue(e.getMessage().contains("(0010,0010)"), e.getMessage());
        assertTrue(e.getMessage().contains("beyond end of stream"), e.getMessage());
    }

    @Test
    void hugeLengthOnAnUnknownLengthStreamAllocatesOnlyWhatArrives() {
        byte[] bytes = element(0x0010, 0x0010, "OB", new byte[100], true, 0x7FFFFF00L);
        InputStream unknownLength = new java.io.BufferedInputStream(new ByteArrayInputStream(bytes));
        DicomStreamException e = assertThrows(DicomStreamException.class,
                () -> new DicomInputStream(unknownLength).readFile());
        assertTrue(e.getMessage().contains("stream ends after 100 of"), e.getMessage());
    }

    @Test
    void invalidVrInExplicitStream() {
        byte[] good = element(0x0008, 0x0060, "CS", "CT".getBytes(), false, 2);
        byte[] bad = element(0x0010, 0x0010, "ZZ", "xx".getBytes(), false, 2);
        byte[] bytes = concat(good, bad);
        DicomStreamException e = reject(bytes);
        assertTrue(e.getMessage().contains("invalid VR 'ZZ'"), e.getMessage());
        assertTrue(e.getMessage().contains("at offset 10, tag (0010,0010)"), e.getMessage());
    }

    @Test
    void unknownButWellFormedVrIsReadAsUnWithLongLength() throws Exception {
        byte[] future = element(0x0011, 0x1001, "ZX", new byte[] {1, 2, 3, 4}, true, 4);
        DicomFile f = DicomFiles.parse(concat(element(0x0008, 0x0060, "CS", "CT".getBytes(), false, 2), future));
        assertTrue(f.dataset().getVR(0x00111001) == cn.yunying.dicom.data.VR.UN);
        assertTrue(Arrays.equals(new byte[] {1, 2, 3, 4}, f.dataset().getBytes(0x00111001)));
    }

    @Test
    void deepNestingIsLimited() {
        int depth = 200;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < depth; i++) {
            out.writeBytes(element(0x0008, 0x1140, "SQ", new byte[0], true, 0xFFFFFFFFL));
            out.writeBytes(new byte[] {(byte) 0xFE, (byte) 0xFF, 0, (byte) 0xE0, -1, -1, -1, -1});
        }
        DicomStreamException e = reject(out.toByteArray());
        assertTrue(e.getMessage().contains("nested deeper than 64"), e.getMessage());
    }

    @Test
    void garbageAfterTheDataSetIsReported() {
        byte[] file = SyntheticCt.part10(8, 8);
        byte[] withGarbage = concat(file, "this is not DICOM at all".getBytes());
        DicomStreamException e = reject(withGarbage);
        assertTrue(e.offset() >= file.length, e.getMessage());
        byte[] fewBytes = concat(file, new byte[] {1, 2, 3});
        assertTrue(reject(fewBytes).getMessage().contains("3 trailing bytes"));
    }

    @Test
    void itemOverrunningItsSequenceAndStrayDelimiters() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(element(0x0008, 0x1140, "SQ", new byte[0], true, 8));
        out.writeBytes(new byte[] {(byte) 0xFE, (byte) 0xFF, 0, (byte) 0xE0, 16, 0, 0, 0});
        out.writeBytes(element(0x0008, 0x1150, "UI", "1.2.3.4.5.6.7.8\0".getBytes(), false, 16));
        DicomStreamException overrun = reject(out.toByteArray());
        assertTrue(overrun.getMessage().contains("beyond the end of the enclosing"), overrun.getMessage());
        byte[] stray = concat(element(0x0008, 0x0060, "CS", "CT".getBytes(), false, 2),
                new byte[] {(byte) 0xFE, (byte) 0xFF, (byte) 0xDD, (byte) 0xE0, 0, 0, 0, 0});
        DicomStreamException delimiter = reject(stray);
        assertTrue(delimiter.getMessage().contains("unexpected delimiter"), delimiter.getMessage());
    }

    @Test
    void emptyInputIsNotAnEmptyDataSet() {
        assertTrue(reject(new byte[0]).getMessage().contains("empty stream"));
    }

    @Test
    void dicmPrefixWithoutMetaInformation() {
        byte[] bytes = new byte[200];
        bytes[128] = 'D';
        bytes[129] = 'I';
        bytes[130] = 'C';
        bytes[131] = 'M';
        assertTrue(reject(bytes).getMessage().contains("no file meta information"));
    }

    @Test
    void corruptDeflateStream() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomOutputStream(out).writeFile(new DicomFile(null, null, SyntheticCt.dataset(8, 8),
                TransferSyntax.DEFLATED_EXPLICIT_VR_LE, true));
        byte[] bytes = out.toByteArray();
        for (int i = bytes.length - 200; i < bytes.length; i++) {
            bytes[i] ^= 0x5A;
        }
        reject(bytes);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
