package cn.yunying.dicom.net;

import cn.yunying.dicom.data.Attributes;
import java.io.IOException;

/** The receiving side of C-STORE, shared by the SCP and the C-GET SCU. */
final class StoreService {
    private static final System.Logger LOG = System.getLogger(StoreService.class.getName());

    private StoreService() {
    }

    /**
     * Runs the handler over the streamed data set and returns the status to answer with. If the
     * association breaks while the handler reads, the IOException propagates (nothing to answer).
     */
    static int handle(AssociationInfo info, DimseChannel.Message m, String tsUid, StoreHandler handler) throws IOException {
        Attributes cmd = m.command();
        DimseChannel.DataStream data = m.data();
        if (data == null) {
            return Status.CANNOT_UNDERSTAND;
        }
        StoreRequest request = new StoreRequest(info, cmd.getString(Commands.AFFECTED_SOP_CLASS_UID),
                cmd.getString(Commands.AFFECTED_SOP_INSTANCE_UID), tsUid, cmd.getInt(Commands.PRIORITY, 0),
                cmd.getString(Commands.MOVE_ORIGINATOR_AE), cmd.getInt(Commands.MOVE_ORIGINATOR_MESSAGE_ID, -1));
        int status;
        try {
            status = handler.store(request, data);
        } catch (DimseException e) {
            status = e.status();
        } catch (IOException e) {
            if (data.failed()) {
                throw e;
            }
            LOG.log(System.Logger.Level.WARNING, "storing " + request.sopInstanceUid() + " failed", e);
            status = Status.OUT_OF_RESOURCES;
        } catch (RuntimeException e) {
            if (data.failed()) {
                throw e;
            }
            LOG.log(System.Logger.Level.ERROR, "storage handler failed on " + request.sopInstanceUid(), e);
            status = Status.CANNOT_UNDERSTAND;
        }
        data.drain();
        return status;
    }
}
