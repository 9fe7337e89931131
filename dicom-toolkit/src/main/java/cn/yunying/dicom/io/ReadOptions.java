package cn.yunying.dicom.io;

import cn.yunying.dicom.data.Tag;

/**
 * What a {@link DicomInputStream} keeps in memory and what it refuses.
 * Mutable builder-style; the defaults load everything and guard against bad input.
 */
public final class ReadOptions {
    private long bulkDataThreshold = -1;
    private int stopBeforeTag = 0;
    private boolean stopEnabled;
    private String bulkDataUri;
    private int maxDepth = 64;
    private long maxInlineValueLength = Integer.MAX_VALUE - 16;

    /** Loads everything. */
    public static ReadOptions loadAll() {
        return new ReadOptions();
    }

    /** Stops at (7FE0,0010) Pixel Data, leaving the stream positioned at it. */
    public static ReadOptions headerOnly() {
        return new ReadOptions().stopBefore(Tag.PIXEL_DATA);
    }

    /** Keeps bulk values larger than {@code threshold} bytes (and all pixel data fragments) as references. */
    public static ReadOptions bulkDataReferences(long threshold) {
        return new ReadOptions().bulkDataThreshold(threshold);
    }

    /**
     * Values of bulk VRs (OB, OW, OF, OD, OL, OV, UN) longer than this many bytes,
     * and every pixel data fragment, are skipped and kept as {@link cn.yunying.dicom.data.BulkData}
     * references; -1 (default) loads every value.
     */
    public ReadOptions bulkDataThreshold(long threshold) {
        this.bulkDataThreshold = threshold;
        return this;
    }

    /** Stops reading the top-level data set at the first tag {@code >=} the given one (unsigned). */
    public ReadOptions stopBefore(int tag) {
        this.stopBeforeTag = tag;
        this.stopEnabled = true;
        return this;
    }

    /** URI recorded in bulk data references (defaults to the file's URI when reading a Path). */
    public ReadOptions bulkDataUri(String uri) {
        this.bulkDataUri = uri;
        return this;
    }

    /** Deepest allowed sequence nesting (default 64); deeper streams are rejected. */
    public ReadOptions maxDepth(int depth) {
        this.maxDepth = depth;
        return this;
    }

    /** Largest value loaded into memory; larger values need a bulk data threshold. */
    public ReadOptions maxInlineValueLength(long length) {
        this.maxInlineValueLength = length;
        return this;
    }

    public long bulkDataThreshold() {
        return bulkDataThreshold;
    }

    public boolean stopEnabled() {
        return stopEnabled;
    }

    public int stopBeforeTag() {
        return stopBeforeTag;
    }

    public String bulkDataUri() {
        return bulkDataUri;
    }

    public int maxDepth() {
        return maxDepth;
    }

    public long maxInlineValueLength() {
        return maxInlineValueLength;
    }

    ReadOptions copy() {
        ReadOptions c = new ReadOptions();
        c.bulkDataThreshold = bulkDataThreshold;
        c.stopBeforeTag = stopBeforeTag;
        c.stopEnabled = stopEnabled;
        c.bulkDataUri = bulkDataUri;
        c.maxDepth = maxDepth;
        c.maxInlineValueLength = maxInlineValueLength;
        return c;
    }
}
