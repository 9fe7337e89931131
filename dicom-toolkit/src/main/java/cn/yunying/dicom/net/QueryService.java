package cn.yunying.dicom.net;

import cn.yunying.dicom.data.Attributes;
import java.io.IOException;

/** C-FIND SCP: runs the provider's query and streams the matches as pending responses, honouring C-CANCEL. */
final class QueryService {
    private static final System.Logger LOG = System.getLogger(QueryService.class.getName());

    private QueryService() {
    }

    static void find(Association as, DimseChannel.Message m, DicomServiceProvider provider) throws IOException {
        String ts = as.transferSyntaxOf(m.contextId());
        if (m.data() == null) {
            ScpSession.respond(as, m, Status.CANNOT_UNDERSTAND);
            return;
        }
        Attributes keys;
        QueryResults results;
        try {
            keys = Identifiers.read(m.data(), ts);
            results = provider.onFind(new FindRequest(as.info(), m.command().getString(Commands.AFFECTED_SOP_CLASS_UID),
                    m.command().getInt(Commands.PRIORITY, 0), keys));
        } catch (DimseException e) {
            ScpSession.respond(as, m, e.status());
            return;
        }
        int status;
        try {
            status = sendMatches(as, m, results, ts);
        } finally {
            // close first (releasing the provider's cursor) so the final response means "all done"
            try {
                results.close();
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "closing query results failed", e);
            }
        }
        ScpSession.respond(as, m, status);
    }

    /** Sends the matches as pending responses; returns the final status. */
    private static int sendMatches(Association as, DimseChannel.Message m, QueryResults results, String ts) throws IOException {
        int messageId = Commands.messageId(m.command());
        while (true) {
            if (cancelRequested(as, messageId)) {
                return Status.CANCEL;
            }
            Attributes match;
            try {
                match = results.next();
            } catch (DimseException e) {
                return e.status();
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "query failed", e);
                return Status.UNABLE_TO_PROCESS;
            }
            if (match == null) {
                return Status.SUCCESS;
            }
            as.channel().send(m.contextId(), Commands.response(m.command(), Status.PENDING, true),
                    Association.dataWriter(match, ts));
        }
    }

    /**
     * Between responses: if the peer sent something, it may only be a C-CANCEL for the running
     * operation (we never negotiate more than one outstanding operation).
     */
    static boolean cancelRequested(Association as, int messageId) throws IOException {
        if (!as.channel().hasIncoming()) {
            return false;
        }
        DimseChannel.Message next = as.readMessage();
        if (Commands.field(next.command()) == Commands.C_CANCEL_RQ) {
            int target = next.command().getInt(Commands.MESSAGE_ID_RESPONDED_TO, -1);
            return target == messageId;
        }
        as.abort();
        throw new AssociationAbortedException("request " + Commands.describe(next.command())
                + " while another operation is running (no asynchronous window was negotiated)", 0, 0);
    }
}
