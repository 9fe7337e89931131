package cn.yunying.dicom.net;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.VR;
import cn.yunying.dicom.io.DicomInputStream;
import cn.yunying.dicom.io.DicomOutputStream;
import cn.yunying.dicom.io.ReadOptions;
import cn.yunying.dicom.io.TransferSyntax;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * DIMSE command sets (PS3.7 section 9.3 and 10.3): field constants, and the encoding, which is always
 * Implicit VR Little Endian with a Command Group Length element first.
 */
final class Commands {
    static final int GROUP_LENGTH = 0x00000000;
    static final int AFFECTED_SOP_CLASS_UID = 0x00000002;
    static final int REQUESTED_SOP_CLASS_UID = 0x00000003;
    static final int COMMAND_FIELD = 0x00000100;
    static final int MESSAGE_ID = 0x00000110;
    static final int MESSAGE_ID_RESPONDED_TO = 0x00000120;
    static final int MOVE_DESTINATION = 0x00000600;
    static final int PRIORITY = 0x00000700;
    static final int DATA_SET_TYPE = 0x00000800;
    static final int STATUS = 0x00000900;
    static final int ERROR_COMMENT = 0x00000902;
    static final int AFFECTED_SOP_INSTANCE_UID = 0x00001000;
    static final int REQUESTED_SOP_INSTANCE_UID = 0x00001001;
    static final int EVENT_TYPE_ID = 0x00001002;
    static final int ACTION_TYPE_ID = 0x00001008;
    static final int REMAINING = 0x00001020;
    static final int COMPLETED = 0x00001021;
    static final int FAILED = 0x00001022;
    static final int WARNING = 0x00001023;
    static final int MOVE_ORIGINATOR_AE = 0x00001030;
    static final int MOVE_ORIGINATOR_MESSAGE_ID = 0x00001031;

    static final int C_STORE_RQ = 0x0001;
    static final int C_GET_RQ = 0x0010;
    static final int C_FIND_RQ = 0x0020;
    static final int C_MOVE_RQ = 0x0021;
    static final int C_ECHO_RQ = 0x0030;
    static final int N_EVENT_REPORT_RQ = 0x0100;
    static final int N_ACTION_RQ = 0x0130;
    static final int C_CANCEL_RQ = 0x0FFF;
    static final int RSP = 0x8000;

    /** Command Data Set Type value meaning "no data set follows". */
    static final int NO_DATA_SET = 0x0101;
    static final int HAS_DATA_SET = 0x0000;

    /** Largest command set we accept: real ones are a few hundred bytes. */
    static final int MAX_COMMAND_LENGTH = 64 * 1024;

    private Commands() {
    }

    static Attributes request(int field, String sopClassUid, int messageId, boolean hasDataSet) {
        Attributes c = new Attributes(false, 10);
        if (sopClassUid != null) {
            c.setString(AFFECTED_SOP_CLASS_UID, VR.UI, sopClassUid);
        }
        c.setInt(COMMAND_FIELD, VR.US, field);
        c.setInt(MESSAGE_ID, VR.US, messageId);
        c.setInt(DATA_SET_TYPE, VR.US, hasDataSet ? HAS_DATA_SET : NO_DATA_SET);
        return c;
    }

    /** A response to {@code rq}: the affected SOP class/instance are echoed as PS3.7 asks. */
    static Attributes response(Attributes rq, int status, boolean hasDataSet) {
        Attributes c = new Attributes(false, 10);
        String cuid = rq.getString(AFFECTED_SOP_CLASS_UID, rq.getString(REQUESTED_SOP_CLASS_UID));
        if (cuid != null) {
            c.setString(AFFECTED_SOP_CLASS_UID, VR.UI, cuid);
        }
        c.setInt(COMMAND_FIELD, VR.US, field(rq) | RSP);
        c.setInt(MESSAGE_ID_RESPONDED_TO, VR.US, messageId(rq));
        c.setInt(DATA_SET_TYPE, VR.US, hasDataSet ? HAS_DATA_SET : NO_DATA_SET);
        c.setInt(STATUS, VR.US, status);
        String iuid = rq.getString(AFFECTED_SOP_INSTANCE_UID, rq.getString(REQUESTED_SOP_INSTANCE_UID));
        if (iuid != null && (field(rq) == C_STORE_RQ || field(rq) == N_ACTION_RQ || field(rq) == N_EVENT_REPORT_RQ)) {
            c.setString(AFFECTED_SOP_INSTANCE_UID, VR.UI, iuid);
        }
        return c;
    }

    static int field(Attributes cmd) {
        return cmd.getInt(COMMAND_FIELD, -1);
    }

    static int messageId(Attributes cmd) {
        return cmd.getInt(MESSAGE_ID, -1);
    }

    static int status(Attributes cmd) {
        return cmd.getInt(STATUS, -1);
    }

    static boolean hasDataSet(Attributes cmd) {
        return cmd.getInt(DATA_SET_TYPE, NO_DATA_SET) != NO_DATA_SET;
    }

    static byte[] encode(Attributes cmd) throws IOException {
        cmd.remove(GROUP_LENGTH);
        ByteArrayOutputStream body = new ByteArrayOutputStream(256);
        DicomOutputStream dos = new DicomOutputStream(body);
        dos.writeDataSet(cmd, TransferSyntax.IMPLICIT_VR_LE);
        dos.flush();
        byte[] b = body.toByteArray();
        byte[] all = new byte[12 + b.length];
        // (0000,0000) UL, implicit VR: tag, 4-byte length 4, value
        all[4] = 4;
        all[8] = (byte) b.length;
        all[9] = (byte) (b.length >>> 8);
        all[10] = (byte) (b.length >>> 16);
        all[11] = (byte) (b.length >>> 24);
        System.arraycopy(b, 0, all, 12, b.length);
        return all;
    }

    static Attributes decode(byte[] bytes) throws IOException {
        DicomInputStream dis = new DicomInputStream(new ByteArrayInputStream(bytes), ReadOptions.loadAll());
        return dis.readDataSet(TransferSyntax.IMPLICIT_VR_LE);
    }

    static String describe(Attributes cmd) {
        return String.format("command 0x%04X message %d", field(cmd), cmd.getInt(MESSAGE_ID, cmd.getInt(MESSAGE_ID_RESPONDED_TO, -1)));
    }
}
