package cn.yunying.dicom.rar;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * Interim association handling until the toolkit's upper layer is plugged in: reads the first PDU header and answers
 * A-ASSOCIATE-RJ (rejected-permanent, service-user, no-reason-given) or, for anything that is not an
 * A-ASSOCIATE-RQ, A-ABORT. Peers therefore get a clear DICOM refusal instead of a hanging connection.
 */
final class AssociationRejector {

    static final int ASSOCIATE_RQ = 0x01;
    /** PS3.8 9.3.4: type 03H, length 4, reserved, result 1 (permanent), source 1 (service-user), reason 1. */
    static final byte[] ASSOCIATE_RJ = {0x03, 0, 0, 0, 0, 4, 0, 1, 1, 1};
    /** PS3.8 9.3.8: type 07H, length 4, reserved, reserved, source 0 (service-user), reason 0. */
    static final byte[] ABORT = {0x07, 0, 0, 0, 0, 4, 0, 0, 0, 0};

    private AssociationRejector() {
    }

    static void handle(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        int pduType = in.read();
        if (pduType < 0) {
            return;
        }
        out.write(pduType == ASSOCIATE_RQ ? ASSOCIATE_RJ : ABORT);
        out.flush();
    }
}
