package cn.yunying.archive.application;

import cn.yunying.shared.DomainException;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Turns one frame as stored into {@link DecodedPixels}: native (uncompressed) pixels of 8 or 16 bits, monochrome or
 * RGB/YBR_FULL colour in either planar configuration, and JPEG baseline (8-bit, decoded with javax.imageio; the raw
 * components are read without the reader's colour guesses and converted here from what the data set says). Anything
 * else is {@link ArchiveError#NOT_RENDERABLE}.
 */
final class PixelDecoder {

    static final String BIG_ENDIAN = "1.2.840.10008.1.2.2";
    private static final Set<String> NATIVE = Set.of("1.2.840.10008.1.2", "1.2.840.10008.1.2.1", BIG_ENDIAN);
    private static final Set<String> JPEG_8BIT = Set.of("1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51");

    private PixelDecoder() {
    }

    /** Whether frames of this transfer syntax can be decoded at all (the pixel module may still be unsupported). */
    static boolean decodable(String ts) {
        return NATIVE.contains(ts) || JPEG_8BIT.contains(ts);
    }

    static DecodedPixels decode(byte[] frame, String ts, ImageLayout layout) {
        if (NATIVE.contains(ts)) {
            return layout.monochrome() ? nativeMonochrome(frame, layout, BIG_ENDIAN.equals(ts))
                    : nativeColour(frame, layout);
        }
        if (JPEG_8BIT.contains(ts)) {
            return jpeg(frame, layout);
        }
        throw notRenderable("transfer syntax " + ts + " cannot be rendered");
    }

    private static DecodedPixels nativeMonochrome(byte[] frame, ImageLayout layout, boolean bigEndian) {
        int bytes = layout.bitsAllocated() / 8;
        if (layout.samplesPerPixel() != 1 || (bytes != 1 && bytes != 2) || layout.bitsStored() > layout.bitsAllocated()
                || layout.bitsStored() < 1) {
            throw notRenderable("monochrome pixels of " + layout.bitsAllocated() + " bits cannot be rendered");
        }
        int count = layout.rows() * layout.columns();
        int[] values = new int[count];
        int mask = (1 << layout.bitsStored()) - 1;
        int signBit = 1 << (layout.bitsStored() - 1);
        for (int i = 0; i < count; i++) {
            int raw = bytes == 1 ? frame[i] & 0xFF : bigEndian
                    ? (frame[2 * i] & 0xFF) << 8 | frame[2 * i + 1] & 0xFF
                    : (frame[2 * i + 1] & 0xFF) << 8 | frame[2 * i] & 0xFF;
            int v = raw & mask;
            values[i] = layout.signed() && (v & signBit) != 0 ? v - (mask + 1) : v;
        }
        return new DecodedPixels(layout.columns(), layout.rows(), values, false);
    }

    private static DecodedPixels nativeColour(byte[] frame, ImageLayout layout) {
        boolean supported = "RGB".equals(layout.photometric()) || "YBR_FULL".equals(layout.photometric());
        if (!supported || layout.samplesPerPixel() != 3 || layout.bitsAllocated() != 8) {
            throw notRenderable("colour model " + layout.photometric() + " (" + layout.bitsAllocated()
                    + " bits) cannot be rendered");
        }
        int count = layout.rows() * layout.columns();
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            int a = layout.planar() ? frame[i] : frame[3 * i];
            int b = layout.planar() ? frame[count + i] : frame[3 * i + 1];
            int c = layout.planar() ? frame[2 * count + i] : frame[3 * i + 2];
            values[i] = pack(a & 0xFF, b & 0xFF, c & 0xFF, layout.ycbcr());
        }
        return new DecodedPixels(layout.columns(), layout.rows(), values, true);
    }

    private static DecodedPixels jpeg(byte[] frame, ImageLayout layout) {
        Raster raster = readJpegRaster(frame);
        int width = raster.getWidth();
        int height = raster.getHeight();
        int bands = raster.getNumBands();
        if (bands != 1 && bands != 3) {
            throw notRenderable("JPEG with " + bands + " components cannot be rendered");
        }
        int[] samples = raster.getPixels(raster.getMinX(), raster.getMinY(), width, height, (int[]) null);
        int[] values = new int[width * height];
        boolean ycbcr = layout.ycbcr();
        for (int i = 0; i < values.length; i++) {
            values[i] = bands == 1 ? samples[i]
                    : pack(samples[3 * i], samples[3 * i + 1], samples[3 * i + 2], ycbcr);
        }
        return new DecodedPixels(width, height, values, bands == 3);
    }

    /** The decoded components as the JPEG stream has them (readRaster does no colour conversion). */
    private static Raster readJpegRaster(byte[] frame) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(frame))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
            if (!readers.hasNext() || in == null) {
                throw notRenderable("no JPEG decoder available");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return reader.readRaster(0, null);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException domain) {
                throw domain;
            }
            // javax.imageio reads baseline (8-bit) JPEG only: 12-bit extended frames end here
            throw notRenderable("JPEG frame cannot be decoded (only 8-bit baseline is rendered)");
        }
    }

    private static int pack(int a, int b, int c, boolean ycbcr) {
        if (!ycbcr) {
            return a << 16 | b << 8 | c;
        }
        // YBR_FULL to RGB, PS3.3 C.7.6.3.1.2 (full range, ITU-R BT.601 coefficients)
        double cb = b - 128.0;
        double cr = c - 128.0;
        return clamp(a + 1.402 * cr) << 16 | clamp(a - 0.344136 * cb - 0.714136 * cr) << 8 | clamp(a + 1.772 * cb);
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    static DomainException notRenderable(String why) {
        return new DomainException(ArchiveError.NOT_RENDERABLE, why);
    }
}
