package cn.yunying.dicom.io;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.BulkData;
import cn.yunying.dicom.data.Bytes;
import cn.yunying.dicom.data.Fragments;
import cn.yunying.dicom.data.Sequence;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.UID;
import cn.yunying.dicom.data.VR;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes Part 10 files and bare data sets.
 *
 * <p>Encoding follows what was read where possible, so that read-then-write is
 * byte-identical: sequences and items keep defined or undefined length, UN
 * sequences stay UN with implicit VR items, group length elements are written as
 * they are (only (0002,0000) is recomputed). Values of odd length are padded with
 * the VR's padding byte; binary values are swapped when the data set's byte order
 * differs from the transfer syntax; in explicit VR a value too long for a 16-bit
 * length is written as UN (PS3.5 6.2.2).
 */
public final class DicomOutputStream implements Closeable, Flushable {
    private final OutputStream target;
    private OutputStream out;
    private DeflaterOutputStream deflater;
    private final byte[] header = new byte[12];
    private final EncodedLength lengths = new EncodedLength();
    private boolean explicitVR = true;
    private boolean bigEndian;
    private boolean encapsulated;

    public DicomOutputStream(OutputStream out) {
        this.target = out;
        this.out = out;
    }

    /**
     * Writes preamble (zeros if the file has none), "DICM", meta information and data set.
     * Without meta information, a minimal one is created; if the meta information names
     * another transfer syntax than the one the data set is written in, a copy naming the
     * right one is written (the caller's meta information is not modified).
     */
    public void writeFile(DicomFile file) throws IOException {
        String ts = file.transferSyntax().uid();
        Attributes meta = file.fileMetaInformation();
        if (meta == null) {
            meta = createFileMetaInformation(file.dataset(), ts);
        } else if (!ts.equals(meta.getString(Tag.TRANSFER_SYNTAX_UID))) {
            meta = meta.deepCopy();
            meta.setString(Tag.TRANSFER_SYNTAX_UID, VR.UI, ts);
        }
        writeFile(file.preamble(), meta, file.dataset(), file.transferSyntax());
    }

    public void writeFile(byte[] preamble, Attributes meta, Attributes dataset, TransferSyntax ts) throws IOException {
        out.write(preamble != null && preamble.length == 128 ? preamble : new byte[128]);
        out.write(new byte[] {'D', 'I', 'C', 'M'});
        writeFileMetaInformation(meta);
        writeDataSet(dataset, ts);
    }

    /** Minimal meta information for a data set (version, SOP class/instance, TS, implementation). */
    public static Attributes createFileMetaInformation(Attributes dataset, String transferSyntaxUid) {
        Attributes meta = new Attributes(false, 8);
        meta.setInt(Tag.FILE_META_INFORMATION_GROUP_LENGTH, VR.UL, 0);
        meta.setBytes(Tag.FILE_META_INFORMATION_VERSION, VR.OB, new byte[] {0, 1});
        meta.setString(Tag.MEDIA_STORAGE_SOP_CLASS_UID, VR.UI, dataset.getString(Tag.SOP_CLASS_UID, ""));
        meta.setString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID, VR.UI, dataset.getString(Tag.SOP_INSTANCE_UID, ""));
        meta.setString(Tag.TRANSFER_SYNTAX_UID, VR.UI, transferSyntaxUid);
        meta.setString(Tag.IMPLEMENTATION_CLASS_UID, VR.UI, UID.YUNYING_IMPLEMENTATION_CLASS);
        meta.setString(Tag.IMPLEMENTATION_VERSION_NAME, VR.SH, UID.YUNYING_IMPLEMENTATION_VERSION);
        return meta;
    }

    /**
     * Writes group 0002 in explicit VR little endian. (0002,0000) is recomputed when the
     * meta information holds it (as PS3.10 requires and {@link #createFileMetaInformation}
     * provides); meta information read without it is written back without it.
     */
    public void writeFileMetaInformation(Attributes meta) throws IOException {
        explicitVR = true;
        bigEndian = false;
        long groupLength = 0;
        for (int i = 0; i < meta.size(); i++) {
            if (meta.tagAt(i) != Tag.FILE_META_INFORMATION_GROUP_LENGTH && Tag.group(meta.tagAt(i)) == 2) {
                groupLength += lengths.element(meta, i, true);
            }
        }
        if (meta.contains(Tag.FILE_META_INFORMATION_GROUP_LENGTH)) {
            writeHeader(Tag.FILE_META_INFORMATION_GROUP_LENGTH, VR.UL, 4);
            byte[] v = new byte[4];
            Bytes.putInt(v, 0, (int) groupLength, false);
            out.write(v);
        }
        for (int i = 0; i < meta.size(); i++) {
            if (meta.tagAt(i) != Tag.FILE_META_INFORMATION_GROUP_LENGTH && Tag.group(meta.tagAt(i)) == 2) {
                writeElement(meta, i);
            }
        }
    }

    /** Writes a data set (without group 0002) in the given transfer syntax; deflates if it says so. */
    public void writeDataSet(Attributes dataset, TransferSyntax ts) throws IOException {
        explicitVR = ts.explicitVR();
        bigEndian = ts.bigEndian();
        encapsulated = ts.encapsulated();
        if (ts.deflated()) {
            deflater = new DeflaterOutputStream(new NonClosingOutputStream(target), new Deflater(Deflater.DEFAULT_COMPRESSION, true), 8192);
            out = deflater;
        }
        for (int i = 0; i < dataset.size(); i++) {
            if (Tag.group(dataset.tagAt(i)) != 2) {
                writeElement(dataset, i);
            }
        }
        if (deflater != null) {
            deflater.finish();
            deflater = null;
            out = target;
        }
    }

    private void writeElement(Attributes attrs, int i) throws IOException {
        int tag = attrs.tagAt(i);
        VR vr = attrs.vrAt(i);
        Object value = attrs.valueAt(i);
        if (value instanceof Sequence seq) {
            writeSequence(tag, vr, seq);
            return;
        }
        if (value instanceof Fragments fragments) {
            writeFragments(tag, fragments);
            return;
        }
        if (encapsulated && tag == Tag.PIXEL_DATA && value instanceof BulkData itemStream) {
            // Encapsulated pixel data referenced as a whole (from DICOM JSON/XML): the
            // referenced bytes are the item stream, delimiter included.
            writeHeader(tag, vr, -1);
            copyBulkData(itemStream, VR.OB, tag);
            return;
        }
        long length = lengths.valueLength(attrs, i);
        long padded = length + (length & 1);
        if (explicitVR && !vr.hasLongLength() && padded > 0xFFFF) {
            vr = VR.UN;
        }
        writeHeader(tag, vr, padded);
        if (value instanceof BulkData bulk) {
            copyBulkData(bulk, vr, tag);
        } else {
            byte[] bytes = attrs.getBytes(tag);
            writeValue(bytes, vr, attrs.isBigEndian());
        }
        if ((length & 1) != 0) {
            out.write(vr.paddingByte());
        }
    }

    private void writeValue(byte[] bytes, VR vr, boolean valueBigEndian) throws IOException {
        if (valueBigEndian != bigEndian && vr.kind() == VR.Kind.BINARY && vr.unitSize() > 1) {
            out.write(Bytes.swapped(bytes, vr.unitSize()));
        } else {
            out.write(bytes);
        }
    }

    private void writeSequence(int tag, VR vr, Sequence seq) throws IOException {
        boolean asUN = vr == VR.UN;
        boolean savedExplicit = explicitVR;
        boolean savedBigEndian = bigEndian;
        // UN sequences are always undefined length with implicit VR little endian items.
        long length = seq.isUndefinedLength() || asUN ? -1 : lengths.sequenceContent(seq, explicitVR, asUN);
        writeHeader(tag, asUN && !explicitVR ? VR.SQ : vr, length);
        if (asUN) {
            explicitVR = false;
            bigEndian = false;
        }
        try {
            for (Attributes item : seq) {
                boolean undefinedItem = item.isUndefinedLength();
                writeItemHeader(Tag.ITEM, undefinedItem ? -1 : lengths.dataSet(item, explicitVR));
                for (int k = 0; k < item.size(); k++) {
                    writeElement(item, k);
                }
                if (undefinedItem) {
                    writeItemHeader(Tag.ITEM_DELIMITATION_ITEM, 0);
                }
            }
        } finally {
            explicitVR = savedExplicit;
            bigEndian = savedBigEndian;
        }
        if (length < 0) {
            writeItemHeader(Tag.SEQUENCE_DELIMITATION_ITEM, 0);
        }
    }

    private void writeFragments(int tag, Fragments fragments) throws IOException {
        writeHeader(tag, fragments.vr(), -1);
        for (Object fragment : fragments) {
            if (fragment instanceof BulkData bulk) {
                writeItemHeader(Tag.ITEM, bulk.length() + (bulk.length() & 1));
                copyBulkData(bulk, VR.OB, tag);
                if ((bulk.length() & 1) != 0) {
                    out.write(0);
                }
            } else {
                byte[] b = (byte[]) fragment;
                writeItemHeader(Tag.ITEM, b.length + (b.length & 1));
                out.write(b);
                if ((b.length & 1) != 0) {
                    out.write(0);
                }
            }
        }
        writeItemHeader(Tag.SEQUENCE_DELIMITATION_ITEM, 0);
    }

    /** Streams a referenced value from its source in chunks, swapping bytes if needed. */
    private void copyBulkData(BulkData bulk, VR vr, int tag) throws IOException {
        boolean swap = bulk.bigEndian() != bigEndian && vr.unitSize() > 1;
        byte[] chunk = new byte[256 * 1024];
        long remaining = bulk.length();
        try (InputStream src = bulk.openStream()) {
            while (remaining > 0) {
                int n = src.readNBytes(chunk, 0, (int) Math.min(chunk.length, remaining));
                if (n <= 0) {
                    throw new IOException("bulk data source " + bulk.uri() + " ended " + remaining
                            + " bytes early for tag " + Tag.toString(tag));
                }
                if (swap) {
                    Bytes.swap(chunk, 0, n, vr.unitSize());
                }
                out.write(chunk, 0, n);
                remaining -= n;
            }
        }
    }

    /** Element header; length -1 means undefined. */
    private void writeHeader(int tag, VR vr, long length) throws IOException {
        int len32 = (int) length;
        Bytes.putShort(header, 0, tag >>> 16, bigEndian);
        Bytes.putShort(header, 2, tag, bigEndian);
        if (!explicitVR) {
            Bytes.putInt(header, 4, len32, bigEndian);
            out.write(header, 0, 8);
            return;
        }
        header[4] = (byte) vr.name().charAt(0);
        header[5] = (byte) vr.name().charAt(1);
        if (vr.hasLongLength()) {
            header[6] = 0;
            header[7] = 0;
            Bytes.putInt(header, 8, len32, bigEndian);
            out.write(header, 0, 12);
        } else {
            Bytes.putShort(header, 6, len32, bigEndian);
            out.write(header, 0, 8);
        }
    }

    private void writeItemHeader(int tag, long length) throws IOException {
        Bytes.putShort(header, 0, tag >>> 16, bigEndian);
        Bytes.putShort(header, 2, tag, bigEndian);
        Bytes.putInt(header, 4, (int) length, bigEndian);
        out.write(header, 0, 8);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (deflater != null) {
            deflater.finish();
        }
        target.close();
    }
}
