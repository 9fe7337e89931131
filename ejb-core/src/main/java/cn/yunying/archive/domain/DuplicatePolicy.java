package cn.yunying.archive.domain;

import java.util.Locale;

/**
 * What to do when a SOP instance UID arrives again with different content ({@code yunying.archive.duplicate-policy}).
 * An identical copy (same SHA-256) is always ignored as a success.
 */
public enum DuplicatePolicy {
    /** Refuse the new copy; the stored one stays (default). */
    REJECT,
    /** The new copy replaces the stored one in the index; the old file is removed. */
    REPLACE,
    /** Keep the stored copy, drop the new one, but answer success (a sender that keeps retrying stops). */
    KEEP;

    public static DuplicatePolicy parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException(
                    "yunying.archive.duplicate-policy must be reject, replace or keep, not '" + text + "'");
        }
    }
}
