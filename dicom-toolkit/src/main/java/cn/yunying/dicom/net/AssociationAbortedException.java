package cn.yunying.dicom.net;

import java.io.IOException;

/** The association ended abnormally: an A-ABORT from either side, a lost connection or a timeout. */
public class AssociationAbortedException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int source;
    private final int reason;

    public AssociationAbortedException(String message, int source, int reason) {
        super(message);
        this.source = source;
        this.reason = reason;
    }

    public AssociationAbortedException(String message, Throwable cause) {
        super(message, cause);
        this.source = -1;
        this.reason = -1;
    }

    /** A-ABORT source (0 service-user, 2 service-provider) if an A-ABORT PDU was involved, else -1. */
    public int source() {
        return source;
    }

    /** A-ABORT reason if an A-ABORT PDU was involved, else -1. */
    public int reason() {
        return reason;
    }
}
