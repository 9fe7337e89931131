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
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** C-STORE, both directions: sending (SCU, and the sub-operations of C-GET/C-MOVE SCPs) and receiving (C-GET SCU). */
final class StoreSender {
    private StoreSender() {
    }

    /** How far the SOP Class and Instance UIDs may lie into the data set for the read below. */
    private static final int HEAD_LIMIT = 64 * 1024;
    /** Holds the meta information and the first elements of nearly every file. */
    private static final int HEAD_BUFFER = 8 * 1024;

    static int store(Association as, Path file) throws IOException {
        // one open per file: the meta information and the UIDs at the start of the data set are read through a small
        // buffer, the data set itself is then sent from the channel by position
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
             BufferedInputStream in = new BufferedInputStream(Channels.newInputStream(ch), HEAD_BUFFER)) {
            long size = ch.size();
            Part10Source src;
            try {
                src = Part10Source.read(file, in);
            } catch (IOException e) {
                // no preamble or no group length: parse it whole and re-encode
                DicomFile f = DicomFiles.read(file);
                return store(as, f.dataset(), f.transferSyntax().uid(), sopClass(f), sopInstance(f));
            }
            String ts = src.transferSyntaxUid();
            // the C-STORE names the instance the data set holds; a few files disagree with their meta information
            Attributes head;
            try {
                head = new DicomInputStream(new BoundedStream(in, HEAD_LIMIT),
                        ReadOptions.loadAll().stopBefore(Tag.SOP_INSTANCE_UID + 1)).readDataSet(TransferSyntax.of(ts));
            } catch (IOException e) {
                head = new Attributes(); // odd encodings our strict pass rejects: go by the meta information
            }
            String cuid = uid(head, Tag.SOP_CLASS_UID, src.meta().getString(Tag.MEDIA_STORAGE_SOP_CLASS_UID));
            String iuid = uid(head, Tag.SOP_INSTANCE_UID, src.meta().getString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID));
            int pc = as.contextId(cuid, ts);
            if (pc > 0) {
                return send(as, pc, cuid, iuid, null, -1,
                        new DimseChannel.FileRegion(ch, src.dataSetOffset(), size - src.dataSetOffset()));
            }
            if (!TransferSyntax.of(ts).encapsulated() && !TransferSyntax.of(ts).deflated()) {
                // only a VR-encoding/byte-order change: re-encode (this path holds the object in memory)
                DicomFile f = DicomFiles.read(file);
                return store(as, f.dataset(), ts, cuid, iuid);
            }
            throw new DimseException(Status.SOP_CLASS_NOT_SUPPORTED, "no presentation context accepted for " + cuid + " in " + ts);
        }
    }

    /** Reads at most {@code limit} bytes of the underlying stream, so a parse can never run past a mark's limit. */
    private static final class BoundedStream extends FilterInputStream {
        private int left;

        BoundedStream(InputStream in, int limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(b, off, Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, Math.max(0, left)));
            left -= (int) skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return Math.min(super.available(), Math.max(0, left));
        }

        @Override
        public void close() {
            // the caller goes on reading the underlying stream
        }
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
