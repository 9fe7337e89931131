package cn.yunying.dicom.net;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.UID;
import cn.yunying.dicom.data.VR;
import cn.yunying.dicom.io.DicomFile;
import cn.yunying.dicom.io.DicomFiles;
import cn.yunying.dicom.io.DicomInputStream;
import cn.yunying.dicom.io.ReadOptions;
import cn.yunying.dicom.io.TransferSyntax;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/** C-STORE, both directions: sending (SCU, and the sub-operations of C-GET/C-MOVE SCPs) and receiving (C-GET SCU). */
final class StoreSender {
    private StoreSender() {
    }

    static int store(Association as, Path file) throws IOException {
        Part10Source src;
        try {
            src = Part10Source.open(file);
        } catch (IOException e) {
            // no preamble or no group length: parse it whole and re-encode
            DicomFile f = DicomFiles.read(file);
            return store(as, f.dataset(), f.transferSyntax().uid(), sopClass(f), sopInstance(f));
        }
        String ts = src.transferSyntaxUid();
        // the C-STORE names the instance the data set holds; a few files disagree with their meta information
        Attributes head;
        try (InputStream in = src.openDataSet()) {
            head = new DicomInputStream(in, ReadOptions.loadAll().stopBefore(Tag.SOP_INSTANCE_UID + 1)).readDataSet(TransferSyntax.of(ts));
        } catch (IOException e) {
            head = new Attributes(); // odd encodings our strict pass rejects: go by the meta information
        }
        String cuid = uid(head, Tag.SOP_CLASS_UID, src.meta().getString(Tag.MEDIA_STORAGE_SOP_CLASS_UID));
        String iuid = uid(head, Tag.SOP_INSTANCE_UID, src.meta().getString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID));
        int pc = as.contextId(cuid, ts);
        if (pc > 0) {
            return send(as, pc, cuid, iuid, null, -1, out -> {
                try (InputStream in = src.openDataSet()) {
                    in.transferTo(out);
                }
            });
        }
        if (!TransferSyntax.of(ts).encapsulated() && !TransferSyntax.of(ts).deflated()) {
            // only a VR-encoding/byte-order change: re-encode (this path holds the object in memory)
            DicomFile f = DicomFiles.read(file);
            return store(as, f.dataset(), ts, cuid, iuid);
        }
        throw new DimseException(Status.SOP_CLASS_NOT_SUPPORTED, "no presentation context accepted for " + cuid + " in " + ts);
    }

    static int store(Association as, Attributes ds) throws IOException {
        return store(as, ds, null, ds.getString(Tag.SOP_CLASS_UID), ds.getString(Tag.SOP_INSTANCE_UID));
    }

    private static int store(Association as, Attributes ds, String ownTs, String cuid, String iuid) throws IOException {
        if (cuid == null || iuid == null) {
            throw new IOException("data set lacks SOP Class UID or SOP Instance UID");
        }
        for (String ts : ownTs == null ? List.of(UID.EXPLICIT_VR_LITTLE_ENDIAN, UID.IMPLICIT_VR_LITTLE_ENDIAN)
                : List.of(ownTs, UID.EXPLICIT_VR_LITTLE_ENDIAN, UID.IMPLICIT_VR_LITTLE_ENDIAN)) {
            int pc = as.contextId(cuid, ts);
            if (pc > 0) {
                if (ds.isBigEndian() && !TransferSyntax.of(ts).bigEndian()) {
                    ds.convertByteOrder(false);
                }
                return send(as, pc, cuid, iuid, null, -1, Association.dataWriter(ds, ts));
            }
        }
        throw new DimseException(Status.SOP_CLASS_NOT_SUPPORTED, "no presentation context accepted for " + cuid);
    }

    /** Sends one C-STORE-RQ with its data set and returns the (non-failure) status of the response. */
    static int send(Association as, int pc, String cuid, String iuid, String moveOriginator, int moveOriginatorId,
                    DimseChannel.DataWriter data) throws IOException {
        int id = as.nextMessageId();
        Attributes cmd = Commands.request(Commands.C_STORE_RQ, cuid, id, true);
        cmd.setInt(Commands.PRIORITY, VR.US, 0);
        cmd.setString(Commands.AFFECTED_SOP_INSTANCE_UID, VR.UI, iuid);
        if (moveOriginator != null) {
            cmd.setString(Commands.MOVE_ORIGINATOR_AE, VR.AE, moveOriginator);
            cmd.setInt(Commands.MOVE_ORIGINATOR_MESSAGE_ID, VR.US, moveOriginatorId);
        }
        as.channel().send(pc, cmd, data);
        DimseChannel.Message rsp = as.readResponse(id);
        if (rsp.data() != null) {
            rsp.data().drain();
        }
        return Association.failIfFailure(rsp.command());
    }

    /** Handles an incoming C-STORE-RQ with {@code handler} and answers it. */
    static void receive(Association as, DimseChannel.Message m, StoreHandler handler) throws IOException {
        int status = StoreService.handle(as.info(), m, as.transferSyntaxOf(m.contextId()), handler);
        as.channel().send(m.contextId(), Commands.response(m.command(), status, false), null);
    }

    /** A UID from the data set if it holds a valid one as UI, else the fallback (from the meta information). */
    private static String uid(Attributes ds, int tag, String fallback) {
        String v = ds.getVR(tag) == VR.UI ? ds.getString(tag) : null;
        return v != null && UID.isValid(v) ? v : fallback;
    }

    private static String sopClass(DicomFile f) {
        Attributes meta = f.fileMetaInformation();
        return uid(f.dataset(), Tag.SOP_CLASS_UID, meta == null ? null : meta.getString(Tag.MEDIA_STORAGE_SOP_CLASS_UID));
    }

    private static String sopInstance(DicomFile f) {
        Attributes meta = f.fileMetaInformation();
        return uid(f.dataset(), Tag.SOP_INSTANCE_UID, meta == null ? null : meta.getString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID));
    }
}
