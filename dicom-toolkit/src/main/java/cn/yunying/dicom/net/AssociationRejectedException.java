package cn.yunying.dicom.net;

import java.io.IOException;

/** The acceptor answered our A-ASSOCIATE-RQ with an A-ASSOCIATE-RJ (PS3.8 table 9-21 for the codes). */
public final class AssociationRejectedException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int result;
    private final int source;
    private final int reason;

    public AssociationRejectedException(int result, int source, int reason) {
        super("association rejected: result " + result + (result == 1 ? " (permanent)" : " (transient)")
                + ", source " + source + ", reason " + reason);
        this.result = result;
        this.source = source;
        this.reason = reason;
    }

    public int result() {
        return result;
    }

    public int source() {
        return source;
    }

    public int reason() {
        return reason;
    }
}
