package cn.yunying.archive.application;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Tag;
import cn.yunying.shared.DomainException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * The pixel pipeline of the rendered and thumbnail resources (PS3.18 10.4, 10.7): one frame of a stored file is
 * decoded ({@link PixelDecoder}), monochrome values go through the Modality LUT (Rescale Slope/Intercept) and a VOI
 * window ({@link WindowLevel}: the request's, else the data set's first, else the frame's min..max), MONOCHROME1 is
 * inverted, the result is scaled to fit the viewport and encoded as JPEG or PNG.
 */
final class ImageRenderer {

    private ImageRenderer() {
    }

    /** Frame {@code frame} (from 1) of a stored file whose transfer syntax is {@code ts}. */
    static RenderedImage render(Path file, String ts, int frame, RenderParameters parameters) {
        if (!PixelDecoder.decodable(ts)) {
            throw PixelDecoder.notRenderable("transfer syntax " + ts + " cannot be rendered");
        }
        try {
            return render(FrameExtractor.read(file), ts, frame, parameters);
        } catch (IOException e) {
            throw new UncheckedIOException("stored file unreadable", e);
        }
    }

    static RenderedImage render(Attributes ds, String ts, int frame, RenderParameters parameters) throws IOException {
        if (!ds.containsValue(Tag.PIXEL_DATA)) {
            throw new DomainException(ArchiveError.INVALID_REQUEST, "the instance has no pixel data");
        }
        ImageLayout layout = ImageLayout.of(ds);
        byte[] bytes = FrameExtractor.frames(ds, ts, List.of(frame)).get(0).data();
        BufferedImage image = toImage(PixelDecoder.decode(bytes, ts, layout), layout, parameters.window());
        BufferedImage scaled = fit(image, parameters.viewportWidth(), parameters.viewportHeight());
        return new RenderedImage(parameters.mediaType(), encode(scaled, parameters), scaled.getWidth(),
                scaled.getHeight());
    }

    /** Colour as decoded; monochrome through rescale, window and, for MONOCHROME1, inversion. */
    static BufferedImage toImage(DecodedPixels pixels, ImageLayout layout, WindowLevel requested) {
        int width = pixels.width();
        int height = pixels.height();
        int[] values = pixels.values();
        if (pixels.rgb()) {
            BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            rgb.setRGB(0, 0, width, height, values, 0, width);
            return rgb;
        }
        WindowLevel window = requested != null ? requested : layout.window();
        if (window == null) {
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            for (int v : values) {
                double m = v * layout.slope() + layout.intercept();
                min = Math.min(min, m);
                max = Math.max(max, m);
            }
            window = WindowLevel.covering(min, max);
        }
        byte[] levels = new byte[width * height];
        for (int i = 0; i < levels.length; i++) {
            int level = window.apply(values[i] * layout.slope() + layout.intercept());
            levels[i] = (byte) (layout.inverted() ? 255 - level : level);
        }
        BufferedImage gray = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setDataElements(0, 0, width, height, levels);
        return gray;
    }

    /** Scaled to fit {@code width} x {@code height} with its aspect ratio kept; unchanged when no viewport is set. */
    static BufferedImage fit(BufferedImage image, int width, int height) {
        if (width <= 0 || height <= 0) {
            return image;
        }
        double scale = Math.min((double) width / image.getWidth(), (double) height / image.getHeight());
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        if (w == image.getWidth() && h == image.getHeight()) {
            return image;
        }
        BufferedImage out = new BufferedImage(w, h, image.getType());
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] encode(BufferedImage image, RenderParameters parameters) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (RenderParameters.PNG.equals(parameters.mediaType())) {
            ImageIO.write(image, "png", bytes);
            return bytes.toByteArray();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(parameters.quality() / 100f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
