package cn.yunying.dicom.net;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.io.DicomFiles;
import java.io.BufferedInputStream;
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
    static Part10Source open(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 8192)) {
            return read(file, in);
        }
    }

    /** Reads the preamble and meta information of {@code file} from {@code in}, which is left at the data set. */
    static Part10Source read(Path file, InputStream in) throws IOException {
        Attributes m = DicomFiles.readFileMetaInformation(in, file.toString());
        if (m.getString(Tag.TRANSFER_SYNTAX_UID) == null || m.getString(Tag.MEDIA_STORAGE_SOP_CLASS_UID) == null
                || m.getString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID) == null) {
            throw new IOException(file + ": meta information lacks SOP class, instance or transfer syntax UID");
        }
        // preamble, "DICM", the group length element (12 bytes) and the group
        return new Part10Source(file, m, 144L + m.getInt(Tag.FILE_META_INFORMATION_GROUP_LENGTH, 0));
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
