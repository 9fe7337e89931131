package cn.yunying.dicom.net;

import static cn.yunying.dicom.net.Association.TAG_FAILED_SOP_SEQUENCE;
import static cn.yunying.dicom.net.Association.TAG_FAILURE_REASON;
import static cn.yunying.dicom.net.Association.TAG_REFERENCED_SOP_CLASS_UID;
import static cn.yunying.dicom.net.Association.TAG_REFERENCED_SOP_INSTANCE_UID;
import static cn.yunying.dicom.net.Association.TAG_REFERENCED_SOP_SEQUENCE;
import static cn.yunying.dicom.net.Association.TAG_TRANSACTION_UID;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Sequence;
import cn.yunying.dicom.data.VR;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Storage Commitment Push Model SCP (PS3.4 annex J): answers the N-ACTION, then reports the outcome
 * with an N-EVENT-REPORT on the same association.
 */
final class CommitmentService {
    private static final int NO_SUCH_ACTION_TYPE = 0x0123;

    private CommitmentService() {
    }

    static void handle(Association as, DimseChannel.Message m, DicomServiceProvider provider) throws IOException {
        Attributes cmd = m.command();
        String ts = as.transferSyntaxOf(m.contextId());
        if (!ServiceClasses.STORAGE_COMMITMENT_PUSH.equals(cmd.getString(Commands.REQUESTED_SOP_CLASS_UID))) {
            drain(m);
            ScpSession.respond(as, m, Status.NO_SUCH_SOP_CLASS);
            return;
        }
        if (cmd.getInt(Commands.ACTION_TYPE_ID, -1) != 1 || m.data() == null) {
            drain(m);
            ScpSession.respond(as, m, NO_SUCH_ACTION_TYPE);
            return;
        }
        CommitmentResult result;
        try {
            Attributes ds = Identifiers.read(m.data(), ts);
            List<SopReference> refs = new ArrayList<>();
            Sequence seq = ds.getSequence(TAG_REFERENCED_SOP_SEQUENCE);
            if (seq != null) {
                for (Attributes item : seq) {
                    refs.add(new SopReference(item.getString(TAG_REFERENCED_SOP_CLASS_UID), item.getString(TAG_REFERENCED_SOP_INSTANCE_UID)));
                }
            }
            String tx = ds.getString(TAG_TRANSACTION_UID);
            if (tx == null || refs.isEmpty()) {
                ScpSession.respond(as, m, Status.INVALID_ARGUMENT_VALUE);
                return;
            }
            result = provider.onStorageCommitment(new CommitmentRequest(as.info(), tx, refs));
        } catch (DimseException e) {
            ScpSession.respond(as, m, e.status());
            return;
        }
        Attributes rsp = Commands.response(cmd, Status.SUCCESS, false);
        rsp.setInt(Commands.ACTION_TYPE_ID, VR.US, 1);
        as.channel().send(m.contextId(), rsp, null);
        sendReport(as, m.contextId(), ts, result);
    }

    private static void drain(DimseChannel.Message m) throws IOException {
        if (m.data() != null) {
            m.data().drain();
        }
    }

    private static void sendReport(Association as, int pc, String ts, CommitmentResult result) throws IOException {
        Attributes ds = new Attributes();
        ds.setString(TAG_TRANSACTION_UID, VR.UI, result.transactionUid());
        if (!result.committed().isEmpty()) {
            Sequence ok = ds.newSequence(TAG_REFERENCED_SOP_SEQUENCE, result.committed().size());
            for (SopReference r : result.committed()) {
                Attributes item = ok.addNew();
                item.setString(TAG_REFERENCED_SOP_CLASS_UID, VR.UI, r.sopClassUid());
                item.setString(TAG_REFERENCED_SOP_INSTANCE_UID, VR.UI, r.sopInstanceUid());
            }
        }
        if (!result.failed().isEmpty()) {
            Sequence bad = ds.newSequence(TAG_FAILED_SOP_SEQUENCE, result.failed().size());
            for (Map.Entry<SopReference, Integer> e : result.failed().entrySet()) {
                Attributes item = bad.addNew();
                item.setString(TAG_REFERENCED_SOP_CLASS_UID, VR.UI, e.getKey().sopClassUid());
                item.setString(TAG_REFERENCED_SOP_INSTANCE_UID, VR.UI, e.getKey().sopInstanceUid());
                item.setInt(TAG_FAILURE_REASON, VR.US, e.getValue());
            }
        }
        int id = as.nextMessageId();
        Attributes cmd = Commands.request(Commands.N_EVENT_REPORT_RQ, ServiceClasses.STORAGE_COMMITMENT_PUSH, id, true);
        cmd.setString(Commands.AFFECTED_SOP_INSTANCE_UID, VR.UI, ServiceClasses.STORAGE_COMMITMENT_PUSH_INSTANCE);
        cmd.setInt(Commands.EVENT_TYPE_ID, VR.US, result.failed().isEmpty() ? 1 : 2);
        as.channel().send(pc, cmd, Association.dataWriter(ds, ts));
        DimseChannel.Message rsp = as.readResponse(id);
        if (rsp.data() != null) {
            rsp.data().drain();
        }
    }
}
