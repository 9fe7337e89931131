package cn.yunying.archive.application;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Tag;

/**
 * The Image Pixel module attributes the renderer needs (PS3.3 C.7.6.3), plus the Modality LUT (rescale) and the first
 * VOI window of the data set (PS3.3 C.11.1, C.11.2). Missing slope/intercept mean identity; a missing window is null.
 */
record ImageLayout(int rows, int columns, int samplesPerPixel, int bitsAllocated, int bitsStored, boolean signed,
                   String photometric, boolean planar, double slope, double intercept, WindowLevel window,
                   int frames) {

    private static final int PHOTOMETRIC_INTERPRETATION = 0x00280004;
    private static final int PLANAR_CONFIGURATION = 0x00280006;
    private static final int BITS_STORED = 0x00280101;
    private static final int WINDOW_CENTER = 0x00281050;
    private static final int WINDOW_WIDTH = 0x00281051;
    private static final int RESCALE_INTERCEPT = 0x00281052;
    private static final int RESCALE_SLOPE = 0x00281053;
    private static final int VOI_LUT_FUNCTION = 0x00281056;

    static ImageLayout of(Attributes ds) {
        int bitsAllocated = ds.getInt(Tag.BITS_ALLOCATED, 0);
        double[] centers = ds.getDoubles(WINDOW_CENTER);
        double[] widths = ds.getDoubles(WINDOW_WIDTH);
        WindowLevel window = null;
        if (centers.length > 0 && widths.length > 0) {
            window = storedWindow(centers[0], widths[0], ds.getString(VOI_LUT_FUNCTION, "LINEAR"));
        }
        return new ImageLayout(ds.getInt(Tag.ROWS, 0), ds.getInt(Tag.COLUMNS, 0),
                ds.getInt(Tag.SAMPLES_PER_PIXEL, 1), bitsAllocated, ds.getInt(BITS_STORED, bitsAllocated),
                ds.getInt(Tag.PIXEL_REPRESENTATION, 0) == 1,
                ds.getString(PHOTOMETRIC_INTERPRETATION, "MONOCHROME2").strip(),
                ds.getInt(PLANAR_CONFIGURATION, 0) == 1, ds.getDouble(RESCALE_SLOPE, 1),
                ds.getDouble(RESCALE_INTERCEPT, 0), window, Math.max(1, ds.getInt(Tag.NUMBER_OF_FRAMES, 1)));
    }

    /** The data set's window, or null when it is unusable (then min..max is shown; the data set is not our caller's). */
    private static WindowLevel storedWindow(double center, double width, String function) {
        try {
            return new WindowLevel(center, width, WindowLevel.Function.parse(function));
        } catch (cn.yunying.shared.DomainException e) {
            return null;
        }
    }

    boolean monochrome() {
        return photometric.startsWith("MONOCHROME");
    }

    /** MONOCHROME1: the lowest value is shown white. */
    boolean inverted() {
        return "MONOCHROME1".equals(photometric);
    }

    /** Colour stored as Y, Cb, Cr (full range), converted to RGB for display. */
    boolean ycbcr() {
        return photometric.startsWith("YBR_FULL");
    }
}
