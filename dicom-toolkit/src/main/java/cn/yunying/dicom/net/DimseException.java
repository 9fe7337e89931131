package cn.yunying.dicom.net;

import java.io.IOException;

/**
 * A DIMSE operation ended with a failure status (PS3.7 annex C). Service providers may throw it to
 * answer with a specific status and error comment.
 */
public final class DimseException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public DimseException(int status, String message) {
        super(String.format("DIMSE status 0x%04X%s", status, message == null ? "" : ": " + message));
        this.status = status;
    }

    public DimseException(int status) {
        this(status, null);
    }

    public int status() {
        return status;
    }
}
