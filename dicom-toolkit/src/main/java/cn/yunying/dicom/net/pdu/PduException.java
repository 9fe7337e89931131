package cn.yunying.dicom.net.pdu;

import java.io.IOException;

/** A PDU that breaks PS3.8; carries the A-ABORT reason (source is always the service provider). */
public final class PduException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int reason;

    public PduException(int reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** A-ABORT reason to send (one of the {@code Pdu.Abort.REASON_*} constants). */
    public int abortReason() {
        return reason;
    }
}
