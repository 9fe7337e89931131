package cn.yunying.archive.application;

import cn.yunying.shared.DomainException;
import java.util.Locale;

/**
 * A VOI window (PS3.3 C.11.2.1.2): maps modality values (after rescale) to display levels 0..255 with the LINEAR,
 * LINEAR_EXACT or SIGMOID function. The formulas are those of the standard, with y_min 0 and y_max 255.
 */
record WindowLevel(double center, double width, Function function) {

    /** VOI LUT Function (0028,1056); in a WADO-RS {@code window} parameter: linear, linear-exact, sigmoid. */
    enum Function {
        LINEAR, LINEAR_EXACT, SIGMOID;

        static Function parse(String text) {
            String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            for (Function f : values()) {
                if (f.name().equals(name)) {
                    return f;
                }
            }
            throw new DomainException(ArchiveError.INVALID_REQUEST, "unknown VOI LUT function " + text);
        }
    }

    WindowLevel {
        if (!(width > 0) || (function == Function.LINEAR && width < 1) || !Double.isFinite(center)) {
            throw new DomainException(ArchiveError.INVALID_REQUEST, "window width must be positive (>= 1 for linear)");
        }
    }

    /** The window covering every value from {@code min} to {@code max} (when the data set has none). */
    static WindowLevel covering(double min, double max) {
        double width = Math.max(1, max - min);
        return new WindowLevel(min + width / 2, width, Function.LINEAR_EXACT);
    }

    /** The display level 0..255 of a modality value. */
    int apply(double x) {
        double y = switch (function) {
            case LINEAR -> linear(x);
            case LINEAR_EXACT -> x <= center - width / 2 ? 0 : x > center + width / 2 ? 255
                    : ((x - center) / width + 0.5) * 255;
            case SIGMOID -> 255 / (1 + Math.exp(-4 * (x - center) / width));
        };
        return (int) Math.round(Math.max(0, Math.min(255, y)));
    }

    private double linear(double x) {
        double low = center - 0.5 - (width - 1) / 2;
        double high = center - 0.5 + (width - 1) / 2;
        if (x <= low) {
            return 0;
        }
        if (x > high) {
            return 255;
        }
        return ((x - (center - 0.5)) / (width - 1) + 0.5) * 255;
    }
}
