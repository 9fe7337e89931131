package cn.yunying.archive.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.VR;
import cn.yunying.shared.DomainException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The rendered/thumbnail pixel pipeline on pydicom's test files (read where Debian installs them). */
class ImageRendererTest {

    private static final Path PYDICOM = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");
    private static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    private static final String JPEG_BASELINE = "1.2.840.10008.1.2.4.50";

    @Test
    void ctValuesAreRescaledToHounsfieldUnitsThenWindowed() throws Exception {
        Attributes ds = FrameExtractor.read(PYDICOM.resolve("CT_small.dcm"));
        short[] stored = storedShorts(ds, EXPLICIT_LE);
        BufferedImage image = png(ds, EXPLICIT_LE, Map.of("window", List.of("40,400,linear")));

        assertEquals(128, image.getWidth());
        int below = 0;
        int above = 0;
        int inside = 0;
        for (int i = 0; i < stored.length; i++) {
            double hu = stored[i] * 1.0 - 1024; // Rescale Slope 1, Intercept -1024
            int level = image.getRaster().getSample(i % 128, i / 128, 0);
            if (hu <= 40 - 0.5 - 199.5) {
                assertEquals(0, level, "below the window is black");
                below++;
            } else if (hu > 40 - 0.5 + 199.5) {
                assertEquals(255, level, "above the window is white");
                above++;
            } else {
                double expected = ((hu - 39.5) / 399 + 0.5) * 255; // PS3.3 C.11.2.1.2.1
                assertEquals(expected, level, 0.51);
                inside++;
            }
        }
        assertTrue(below > 0 && above > 0 && inside > 0, below + " / " + inside + " / " + above);
    }

    @Test
    void withoutAWindowTheLowestValueIsBlackAndTheHighestWhite() throws Exception {
        Attributes ds = FrameExtractor.read(PYDICOM.resolve("CT_small.dcm"));
        short[] stored = storedShorts(ds, EXPLICIT_LE);
        int min = 0;
        int max = 0;
        for (int i = 0; i < stored.length; i++) {
            min = stored[i] < stored[min] ? i : min;
            max = stored[i] > stored[max] ? i : max;
        }
        BufferedImage image = png(ds, EXPLICIT_LE, Map.of());

        assertEquals(0, image.getRaster().getSample(min % 128, min / 128, 0));
        assertEquals(255, image.getRaster().getSample(max % 128, max / 128, 0));
    }

    @Test
    void monochrome1IsInvertedAndBigEndianReadsTheSame() throws Exception {
        Attributes ds = FrameExtractor.read(PYDICOM.resolve("MR_small.dcm"));
        BufferedImage normal = png(ds, EXPLICIT_LE, Map.of());
        Attributes bigEndian = FrameExtractor.read(PYDICOM.resolve("MR_small_bigendian.dcm"));
        assertSamePixels(normal, png(bigEndian, PixelDecoder.BIG_ENDIAN, Map.of()));

        ds.setString(0x00280004, VR.CS, "MONOCHROME1");
        BufferedImage inverted = png(ds, EXPLICIT_LE, Map.of());
        int lit = 0;
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                int level = normal.getRaster().getSample(x, y, 0);
                assertEquals(255 - level, inverted.getRaster().getSample(x, y, 0));
                lit += level > 0 ? 1 : 0;
            }
        }
        assertTrue(lit > 1000, "the data set's window (600/1600) shows the head: " + lit);
    }

    @Test
    void anUnusableStoredWindowFallsBackToMinMax() throws Exception {
        Attributes ds = FrameExtractor.read(PYDICOM.resolve("CT_small.dcm"));
        BufferedImage minMax = png(ds, EXPLICIT_LE, Map.of());
        ds.setString(0x00281050, VR.DS, "40");
        ds.setString(0x00281051, VR.DS, "0.5");
        ds.setString(0x00281056, VR.CS, "CUBIC");
        assertSamePixels(minMax, png(ds, EXPLICIT_LE, Map.of()));
    }

    @Test
    void eightBitSignedMonochromeIsSignExtended() throws Exception {
        Attributes ds = TestObjects.dataset("1.2.3.4.6", "x");
        ds.setInt(Tag.ROWS, VR.US, 1);
        ds.setInt(Tag.COLUMNS, VR.US, 4);
        ds.setInt(Tag.SAMPLES_PER_PIXEL, VR.US, 1);
        ds.setInt(Tag.BITS_ALLOCATED, VR.US, 8);
        ds.setInt(0x00280101, VR.US, 8);
        ds.setInt(Tag.PIXEL_REPRESENTATION, VR.US, 1);
        ds.setString(0x00280004, VR.CS, "MONOCHROME2");
        ds.setBytes(Tag.PIXEL_DATA, VR.OB, new byte[] {(byte) 0x80, (byte) 0xFF, 0, 0x7F});
        BufferedImage image = png(ds, EXPLICIT_LE, Map.of());

        int[] levels = image.getRaster().getSamples(0, 0, 4, 1, 0, (int[]) null);
        assertEquals(0, levels[0], "-128 is the minimum");
        assertEquals(255, levels[3], "127 the maximum");
        assertTrue(levels[1] < levels[2] && levels[1] > 100 && levels[2] < 140, java.util.Arrays.toString(levels));
    }

    @Test
    void colourFromJpegBaselineMatchesWhateverTheStoredColourModel() throws Exception {
        BufferedImage ybr = png(FrameExtractor.read(PYDICOM.resolve("SC_rgb_jpeg_dcmtk.dcm")), JPEG_BASELINE,
                Map.of());
        BufferedImage rgb = png(FrameExtractor.read(PYDICOM.resolve("SC_rgb_dcmtk_+eb+cr.dcm")), JPEG_BASELINE,
                Map.of());
        assertEquals(100, ybr.getWidth());
        assertEquals(100, rgb.getHeight());
        assertTrue(meanDifference(ybr, rgb) < 6, "YBR_FULL and RGB JPEGs of one picture: " + meanDifference(ybr, rgb));
        int topLeft = ybr.getRGB(50, 5);
        assertTrue((topLeft >> 16 & 0xFF) > 200 && (topLeft >> 8 & 0xFF) < 60 && (topLeft & 0xFF) < 60,
                "the first band of SC_rgb is red: " + Integer.toHexString(topLeft));

        BufferedImage nativeOdd = png(FrameExtractor.read(PYDICOM.resolve("SC_rgb_small_odd.dcm")), EXPLICIT_LE,
                Map.of());
        BufferedImage jpegOdd = png(FrameExtractor.read(PYDICOM.resolve("SC_rgb_small_odd_jpeg.dcm")), JPEG_BASELINE,
                Map.of());
        assertEquals(3, jpegOdd.getWidth());
        assertTrue(meanDifference(nativeOdd, jpegOdd) < 12, "native and JPEG: " + meanDifference(nativeOdd, jpegOdd));
    }

    @Test
    void planarColourIsTheSameImageAsInterleaved() throws Exception {
        Attributes ds = FrameExtractor.read(PYDICOM.resolve("SC_rgb_small_odd.dcm"));
        BufferedImage interleaved = png(ds, EXPLICIT_LE, Map.of());
        byte[] pixels = FrameExtractor.frames(ds, EXPLICIT_LE, List.of(1)).get(0).data();
        byte[] planes = new byte[pixels.length];
        int count = pixels.length / 3;
        for (int i = 0; i < count; i++) {
            for (int c = 0; c < 3; c++) {
                planes[c * count + i] = pixels[3 * i + c];
            }
        }
        Attributes planar = TestObjects.dataset("1.2.3.4.7", "x");
        for (int tag : new int[] {Tag.ROWS, Tag.COLUMNS, Tag.SAMPLES_PER_PIXEL, Tag.BITS_ALLOCATED, 0x00280101,
                Tag.PIXEL_REPRESENTATION}) {
            planar.setInt(tag, VR.US, ds.getInt(tag, 0));
        }
        planar.setString(0x00280004, VR.CS, "RGB");
        planar.setInt(0x00280006, VR.US, 1);
        planar.setBytes(Tag.PIXEL_DATA, VR.OB, planes.length % 2 == 0 ? planes
                : java.util.Arrays.copyOf(planes, planes.length + 1));

        assertSamePixels(interleaved, png(planar, EXPLICIT_LE, Map.of()));
    }

    @Test
    void viewportScalesKeepingTheAspectRatioAndQualityChangesTheJpeg() throws Exception {
        Attributes ds = FrameExtractor.read(PYDICOM.resolve("CT_small.dcm"));
        RenderedImage small = ImageRenderer.render(ds, EXPLICIT_LE, 1,
                RenderParameters.parse(Map.of("viewport", List.of("64,32")), null, false));
        assertEquals("image/jpeg", small.mediaType());
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(small.data()));
        assertEquals(32, decoded.getWidth());
        assertEquals(32, decoded.getHeight());

        RenderedImage thumbnail = ImageRenderer.render(ds, EXPLICIT_LE, 1, RenderParameters.parse(Map.of(), null,
                true));
        assertEquals(RenderParameters.THUMBNAIL_SIZE, thumbnail.width());
        RenderedImage low = ImageRenderer.render(ds, EXPLICIT_LE, 1,
                RenderParameters.parse(Map.of("quality", List.of("10")), null, false));
        RenderedImage high = ImageRenderer.render(ds, EXPLICIT_LE, 1,
                RenderParameters.parse(Map.of("quality", List.of("98")), null, false));
        assertTrue(low.data().length < high.data().length, low.data().length + " < " + high.data().length);
    }

    @Test
    void compressionsJavaCannotDecodeAreNotRenderable() {
        for (String[] file : new String[][] {{"JPEG2000.dcm", "1.2.840.10008.1.2.4.91"},
                {"JPGExtended.dcm", "1.2.840.10008.1.2.4.51"}, {"JPEG-lossy.dcm", "1.2.840.10008.1.2.4.51"},
                {"SC_rgb_jpeg_gdcm.dcm", "1.2.840.10008.1.2.4.70"}, {"MR_small_RLE.dcm", "1.2.840.10008.1.2.5"},
                {"MR_small_jpeg_ls_lossless.dcm", "1.2.840.10008.1.2.4.80"}}) {
            DomainException e = assertThrows(DomainException.class, () -> ImageRenderer.render(
                    PYDICOM.resolve(file[0]), file[1], 1, RenderParameters.parse(Map.of(), null, false)), file[0]);
            assertEquals(ArchiveError.NOT_RENDERABLE, e.code(), file[0]);
            assertEquals(406, e.code().httpStatus());
        }
    }

    @Test
    void parametersAndAcceptAreChecked() {
        assertEquals("image/png", RenderParameters.parse(Map.of(), "image/png", false).mediaType());
        assertEquals("image/jpeg", RenderParameters.parse(Map.of(), "image/png;q=0.5, image/jpeg", false).mediaType());
        assertEquals("image/png", RenderParameters.parse(Map.of("accept", List.of("image/png")), "image/jpeg", false)
                .mediaType());
        assertEquals("image/jpeg", RenderParameters.parse(Map.of(), "*/*", false).mediaType());
        assertEquals("image/png", RenderParameters.parse(Map.of(), "multipart/related; type=\"image/png\"", false)
                .mediaType());
        assertEquals(ArchiveError.NOT_ACCEPTABLE, assertThrows(DomainException.class,
                () -> RenderParameters.parse(Map.of(), "application/dicom", false)).code());
        for (Map<String, List<String>> bad : List.<Map<String, List<String>>>of(
                Map.of("window", List.of("40")), Map.of("window", List.of("40,0")),
                Map.of("window", List.of("40,400,cubic")), Map.of("viewport", List.of("10,10,0,0,5,5")),
                Map.of("viewport", List.of("0,10")), Map.of("quality", List.of("101")),
                Map.of("annotation", List.of("patient")), Map.of("iccprofile", List.of("srgb")))) {
            assertEquals(ArchiveError.INVALID_REQUEST, assertThrows(DomainException.class,
                    () -> RenderParameters.parse(bad, null, false), bad.toString()).code());
        }
    }

    @Test
    void windowFunctionsFollowTheStandard() {
        WindowLevel linear = new WindowLevel(2048, 4096, WindowLevel.Function.LINEAR);
        assertEquals(0, linear.apply(0));
        assertEquals(128, linear.apply(2048));
        assertEquals(255, linear.apply(4096));
        WindowLevel exact = new WindowLevel(100, 200, WindowLevel.Function.LINEAR_EXACT);
        assertEquals(0, exact.apply(0));
        assertEquals(64, exact.apply(50)); // (50 - 100) / 200 + 0.5 = 0.25 of 255
        assertEquals(255, exact.apply(201));
        WindowLevel sigmoid = new WindowLevel(0, 100, WindowLevel.Function.SIGMOID);
        assertEquals(128, sigmoid.apply(0));
        assertTrue(sigmoid.apply(-100) < 10 && sigmoid.apply(100) > 245);
        assertEquals(255, new WindowLevel(10, 1, WindowLevel.Function.LINEAR).apply(10), "width 1 is a threshold");
    }

    private static BufferedImage png(Attributes ds, String ts, Map<String, List<String>> query) throws Exception {
        RenderedImage rendered = ImageRenderer.render(ds, ts, 1, RenderParameters.parse(query, "image/png", false));
        assertEquals("image/png", rendered.mediaType());
        return ImageIO.read(new ByteArrayInputStream(rendered.data()));
    }

    private static short[] storedShorts(Attributes ds, String ts) throws Exception {
        byte[] frame = FrameExtractor.frames(ds, ts, List.of(1)).get(0).data();
        short[] values = new short[frame.length / 2];
        ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(values);
        return values;
    }

    private static void assertSamePixels(BufferedImage expected, BufferedImage actual) {
        assertEquals(expected.getWidth(), actual.getWidth());
        assertEquals(expected.getHeight(), actual.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                assertEquals(expected.getRGB(x, y), actual.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }

    /** Mean absolute difference of the R, G and B levels. */
    private static double meanDifference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs((p >> shift & 0xFF) - (q >> shift & 0xFF));
                }
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }
}
