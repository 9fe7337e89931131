package cn.yunying.archive.application;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.VR;
import cn.yunying.dicom.io.DicomFile;
import cn.yunying.dicom.io.DicomFiles;
import cn.yunying.dicom.io.TransferSyntax;
import cn.yunying.shared.DomainException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameExtractorTest {

    private static final Path PYDICOM = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    @TempDir
    Path dir;

    @Test
    void nativeFramesAreCutBySizeWithTheirTransferSyntax() throws Exception {
        Attributes ds = TestObjects.dataset("1.2.3.4.5", "x");
        ds.setInt(Tag.ROWS, VR.US, 16);
        ds.setInt(Tag.COLUMNS, VR.US, 32);
        ds.setInt(Tag.SAMPLES_PER_PIXEL, VR.US, 1);
        ds.setInt(Tag.BITS_ALLOCATED, VR.US, 16);
        ds.setString(Tag.NUMBER_OF_FRAMES, VR.IS, "3");
        byte[] pixels = new byte[16 * 32 * 2 * 3];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i / 1024);
        }
        ds.setBytes(Tag.PIXEL_DATA, VR.OW, pixels);
        Path file = dir.resolve("native.dcm");
        DicomFiles.write(file, new DicomFile(null, null, ds, TransferSyntax.EXPLICIT_VR_LE, true));

        List<PixelFrame> frames = FrameExtractor.frames(file, "1.2.840.10008.1.2.1", List.of(3, 1));

        assertEquals(2, frames.size());
        assertEquals("application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1", frames.get(0).contentType());
        assertArrayEquals(Arrays.copyOfRange(pixels, 2048, 3072), frames.get(0).data());
        assertArrayEquals(Arrays.copyOfRange(pixels, 0, 1024), frames.get(1).data());
        assertThrows(DomainException.class, () -> FrameExtractor.frames(file, "1.2.840.10008.1.2.1", List.of(4)));
    }

    @Test
    void rleFramesAreTheirFragments() throws Exception {
        Path file = PYDICOM.resolve("SC_rgb_rle_2frame.dcm");
        List<PixelFrame> frames = FrameExtractor.frames(file, "1.2.840.10008.1.2.5", List.of(1, 2));

        assertEquals("image/dicom-rle; transfer-syntax=1.2.840.10008.1.2.5", frames.get(1).contentType());
        // an RLE frame starts with its 64-byte header: the number of segments (3 for RGB) as a little-endian int
        for (PixelFrame frame : frames) {
            assertEquals(3, frame.data()[0]);
            assertTrue(frame.data().length > 64);
        }
    }

    @Test
    void aSingleJpegFrameIsAllFragmentsAndStartsWithStartOfImage() throws Exception {
        Path file = PYDICOM.resolve("SC_rgb_jpeg_dcmtk.dcm");
        byte[] frame = FrameExtractor.frames(file, "1.2.840.10008.1.2.4.50", List.of(1)).get(0).data();

        assertEquals((byte) 0xFF, frame[0]);
        assertEquals((byte) 0xD8, frame[1]);
        assertTrue(Files.size(file) > frame.length);
    }
}
