package cn.yunying.dicom.io;

import cn.yunying.dicom.data.Tag;
import java.io.IOException;

/**
 * A stream that is not valid DICOM: truncated, impossible lengths, bad VRs,
 * nesting too deep, garbage where an element should be. The message always names
 * the byte offset and, when known, the tag, e.g.
 * {@code "value length 4294967040 beyond end of stream at offset 1234, tag (0010,0010)"}.
 */
public class DicomStreamException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long offset;
    private final int tag;

    public DicomStreamException(String problem, long offset, int tag) {
        super(problem + " at offset " + offset + (tag == -1 ? "" : ", tag " + Tag.toString(tag)));
        this.offset = offset;
        this.tag = tag;
    }

    public DicomStreamException(String problem, long offset, int tag, Throwable cause) {
        this(problem, offset, tag);
        initCause(cause);
    }

    /** Byte offset in the (inflated, for deflated syntaxes) stream where the problem was found. */
    public long offset() {
        return offset;
    }

    /** The tag being read, or -1 if none. */
    public int tag() {
        return tag;
    }
}
