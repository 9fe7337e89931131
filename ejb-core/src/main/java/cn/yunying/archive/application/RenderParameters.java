package cn.yunying.archive.application;

import cn.yunying.shared.DomainException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The query parameters and Accept header of a rendered or thumbnail request (PS3.18 8.3.5): {@code window=center,
 * width[,linear|linear-exact|sigmoid]}, {@code viewport=width,height} (the image is scaled to fit, keeping its aspect
 * ratio), {@code quality=1..100} (JPEG), {@code accept} (overrides the header), and the output type: image/jpeg unless
 * image/png is preferred. {@code window} is null when the request names none.
 */
record RenderParameters(String mediaType, WindowLevel window, int viewportWidth, int viewportHeight, int quality) {

    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";
    /** Longest side of a thumbnail when the request gives no viewport. */
    static final int THUMBNAIL_SIZE = 128;
    static final int MAX_VIEWPORT = 4096;
    private static final int DEFAULT_QUALITY = 90;
    private static final Set<String> KNOWN = Set.of("window", "viewport", "quality", "accept", "charset", "iccprofile");

    /** {@code thumbnail}: no viewport means fit into {@value #THUMBNAIL_SIZE} pixels, else the image's own size. */
    static RenderParameters parse(Map<String, List<String>> query, String acceptHeader, boolean thumbnail) {
        for (String name : query.keySet()) {
            if (!KNOWN.contains(name)) {
                throw invalid("unknown parameter " + name);
            }
        }
        String iccProfile = first(query, "iccprofile");
        if (iccProfile != null && !"no".equals(iccProfile)) {
            throw invalid("ICC profiles are not supported (iccprofile=no only)");
        }
        String accept = first(query, "accept") != null ? first(query, "accept") : acceptHeader;
        int[] viewport = viewport(first(query, "viewport"), thumbnail);
        return new RenderParameters(mediaType(accept), window(first(query, "window")), viewport[0], viewport[1],
                quality(first(query, "quality")));
    }

    /** The preferred of image/jpeg and image/png in an Accept list (q values honoured); 406 if neither is accepted. */
    static String mediaType(String accept) {
        if (accept == null || accept.isBlank()) {
            return JPEG;
        }
        List<String[]> ranges = new ArrayList<>();
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].strip().toLowerCase(Locale.ROOT);
                if (p.startsWith("q=")) {
                    q = parseQ(p.substring(2));
                } else if (type.equals("multipart/related") && p.startsWith("type=")) {
                    type = p.substring(5).replace("\"", "").strip();
                }
            }
            if (q > 0) {
                ranges.add(new String[] {type, Double.toString(q)});
            }
        }
        ranges.sort(Comparator.comparingDouble((String[] r) -> -Double.parseDouble(r[1])));
        for (String[] range : ranges) {
            switch (range[0]) {
                case JPEG, "image/*", "*/*", "multipart/related":
                    return JPEG;
                case PNG:
                    return PNG;
                default:
                    break;
            }
        }
        throw new DomainException(ArchiveError.NOT_ACCEPTABLE, "rendered images are image/jpeg or image/png, not "
                + accept);
    }

    private static double parseQ(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static WindowLevel window(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.split(",");
        if (parts.length < 2 || parts.length > 3) {
            throw invalid("window is center,width[,function]");
        }
        try {
            return new WindowLevel(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()),
                    parts.length == 3 ? WindowLevel.Function.parse(parts[2]) : WindowLevel.Function.LINEAR);
        } catch (NumberFormatException e) {
            throw invalid("window center and width are numbers");
        }
    }

    private static int[] viewport(String text, boolean thumbnail) {
        if (text == null) {
            return thumbnail ? new int[] {THUMBNAIL_SIZE, THUMBNAIL_SIZE} : new int[] {0, 0};
        }
        String[] parts = text.split(",");
        if (parts.length != 2) {
            throw invalid("viewport is width,height (cropping is not supported)");
        }
        int width = positive(parts[0], "viewport width");
        int height = positive(parts[1], "viewport height");
        if (width > MAX_VIEWPORT || height > MAX_VIEWPORT) {
            throw invalid("viewport larger than " + MAX_VIEWPORT);
        }
        return new int[] {width, height};
    }

    private static int quality(String text) {
        if (text == null) {
            return DEFAULT_QUALITY;
        }
        int quality = positive(text, "quality");
        if (quality > 100) {
            throw invalid("quality is 1 to 100");
        }
        return quality;
    }

    private static int positive(String text, String what) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value < 1) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw invalid(what + " must be a positive integer");
        }
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static DomainException invalid(String why) {
        return new DomainException(ArchiveError.INVALID_REQUEST, why);
    }
}
