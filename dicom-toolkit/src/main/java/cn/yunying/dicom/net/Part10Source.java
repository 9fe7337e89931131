package cn.yunying.dicom.net;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.io.DicomInputStream;
import cn.yunying.dicom.io.ReadOptions;
import cn.yunying.dicom.io.TransferSyntax;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Part 10 file opened for sending: its meta information, and where the data set starts, so the data
 * set can be streamed from disk without parsing it. Needs the preamble, "DICM" and a File Meta
 * Information Group Length (every conformant writer puts them there); callers fall back to parsing
 * the whole file otherwise.
 */
record Part10Source(Path file, Attributes meta, long dataSetOffset) {
    private static final int MAX_META_LENGTH = 1 << 20;

    static Part10Source open(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 8192)) {
            return read(file, in);
        }
    }

    /** Reads the preamble and meta information of {@code file} from {@code in}, which is left at the data set. */
    static Part10Source read(Path file, InputStream in) throws IOException {
        byte[] head = in.readNBytes(144);
        if (head.length < 144 || head[128] != 'D' || head[129] != 'I' || head[130] != 'C' || head[131] != 'M') {
            throw new IOException(file + ": not a Part 10 file with preamble");
        }
        // (0002,0000) UL 4: tag 02 00 00 00, "UL", length 04 00, value
        if (head[132] != 2 || head[133] != 0 || head[134] != 0 || head[135] != 0 || head[136] != 'U'
                || head[137] != 'L' || head[138] != 4 || head[139] != 0) {
            throw new IOException(file + ": file meta information does not start with its group length");
        }
        long groupLength = (head[140] & 0xFFL) | (head[141] & 0xFF) << 8 | (head[142] & 0xFF) << 16 | (head[143] & 0xFFL) << 24;
        if (groupLength > MAX_META_LENGTH) {
            throw new IOException(file + ": implausible meta information length " + groupLength);
        }
        byte[] meta = in.readNBytes((int) groupLength);
        if (meta.length != groupLength) {
            throw new IOException(file + ": truncated meta information");
        }
        Attributes m = new DicomInputStream(new ByteArrayInputStream(meta), ReadOptions.loadAll())
                .readDataSet(TransferSyntax.EXPLICIT_VR_LE);
        if (m.getString(Tag.TRANSFER_SYNTAX_UID) == null || m.getString(Tag.MEDIA_STORAGE_SOP_CLASS_UID) == null
                || m.getString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID) == null) {
            throw new IOException(file + ": meta information lacks SOP class, instance or transfer syntax UID");
        }
        return new Part10Source(file, m, 144 + groupLength);
    }

    String transferSyntaxUid() {
        return meta.getString(Tag.TRANSFER_SYNTAX_UID);
    }

    /** The bytes after the meta information: the data set in {@link #transferSyntaxUid()}. */
    InputStream openDataSet() throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            in.skipNBytes(dataSetOffset);
        } catch (IOException e) {
            in.close();
            throw e;
        }
        return new BufferedInputStream(in, 64 * 1024);
    }
}
