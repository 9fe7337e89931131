package cn.yunying.dicom.io;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.VR;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** One-call helpers for the common cases. */
public final class DicomFiles {
    private DicomFiles() {
    }

    private static final int MAX_META_LENGTH = 1 << 20;

    /**
     * The file meta information of a Part 10 file, read without touching the data set (for listing or sending many
     * files, where parsing each data set's first elements would cost more than the rest of the work).
     *
     * @throws IOException if the file lacks the preamble and "DICM", or the meta information does not start with its
     *                     group length (every conformant writer puts them there; parse such files whole instead)
     */
    public static Attributes readFileMetaInformation(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readFileMetaInformation(in, file.toString());
        }
    }

    /**
     * Reads the preamble and file meta information from {@code in} and leaves it at the first byte of the data set.
     *
     * @param name what to call the source in error messages
     */
    public static Attributes readFileMetaInformation(InputStream in, String name) throws IOException {
        byte[] head = in.readNBytes(144);
        if (head.length < 144 || head[128] != 'D' || head[129] != 'I' || head[130] != 'C' || head[131] != 'M') {
            throw new IOException(name + ": not a Part 10 file with preamble");
        }
        // (0002,0000) UL 4: tag 02 00 00 00, "UL", length 04 00, value
        if (head[132] != 2 || head[133] != 0 || head[134] != 0 || head[135] != 0 || head[136] != 'U'
                || head[137] != 'L' || head[138] != 4 || head[139] != 0) {
            throw new IOException(name + ": file meta information does not start with its group length");
        }
        long groupLength = (head[140] & 0xFFL) | (head[141] & 0xFF) << 8 | (head[142] & 0xFF) << 16 | (head[143] & 0xFFL) << 24;
        if (groupLength > MAX_META_LENGTH) {
            throw new IOException(name + ": implausible meta information length " + groupLength);
        }
        byte[] meta = in.readNBytes((int) groupLength);
        if (meta.length != groupLength) {
            throw new IOException(name + ": truncated meta information");
        }
        Attributes m = new DicomInputStream(new java.io.ByteArrayInputStream(meta), ReadOptions.loadAll())
                .readDataSet(TransferSyntax.EXPLICIT_VR_LE);
        m.setInt(Tag.FILE_META_INFORMATION_GROUP_LENGTH, VR.UL, (int) groupLength);
        return m;
    }

    /** Reads a whole file into memory. */
    public static DicomFile read(Path file) throws IOException {
        return read(file, ReadOptions.loadAll());
    }

    public static DicomFile read(Path file, ReadOptions options) throws IOException {
        try (DicomInputStream in = DicomInputStream.open(file, options)) {
            return in.readFile();
        }
    }

    /** Reads everything before the pixel data; nothing of the pixel data is read. */
    public static DicomFile readHeader(Path file) throws IOException {
        return read(file, ReadOptions.headerOnly());
    }

    /** Reads all attributes but leaves bulk values above {@code threshold} bytes in the file as references. */
    public static DicomFile readWithBulkDataReferences(Path file, long threshold) throws IOException {
        return read(file, ReadOptions.bulkDataReferences(threshold));
    }

    /**
     * Writes a Part 10 file. Bulk data references are streamed from their sources, so
     * the target must not be a file they point into (that would overwrite the bytes
     * before they are copied): write to a new file and move it instead.
     */
    public static void write(Path file, DicomFile dicom) throws IOException {
        String target = file.toAbsolutePath().normalize().toUri().toString();
        if (refersTo(dicom.dataset(), target)) {
            throw new IOException("cannot write " + file + ": it holds bulk data this object still refers to");
        }
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
             DicomOutputStream out = new DicomOutputStream(os)) {
            out.writeFile(dicom);
        }
    }

    /**
     * Copies a stream byte for byte to {@code copyTo} while parsing it, and returns
     * the parsed object with bulk values above {@code bulkDataThreshold} as references
     * (with {@code bulkDataUri}, which should name where the copy is stored: the
     * offsets are the same in the copy). Memory use does not depend on the object's size.
     * Neither stream is closed.
     */
    public static DicomFile copyAndParse(InputStream in, OutputStream copyTo, long bulkDataThreshold,
                                         String bulkDataUri) throws IOException {
        ReadOptions options = ReadOptions.bulkDataReferences(bulkDataThreshold).bulkDataUri(bulkDataUri);
        DicomInputStream dis = new DicomInputStream(in, copyTo, options);
        DicomFile file = dis.readFile();
        dis.finishCopy();
        return file;
    }

    private static boolean refersTo(Attributes attrs, String uri) {
        for (int i = 0; i < attrs.size(); i++) {
            Object v = attrs.valueAt(i);
            if (v instanceof cn.yunying.dicom.data.BulkData b && uri.equals(b.uri())) {
                return true;
            }
            if (v instanceof cn.yunying.dicom.data.Fragments f) {
                for (Object fragment : f) {
                    if (fragment instanceof cn.yunying.dicom.data.BulkData b && uri.equals(b.uri())) {
                        return true;
                    }
                }
            }
            if (v instanceof cn.yunying.dicom.data.Sequence s) {
                for (Attributes item : s) {
                    if (refersTo(item, uri)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Parses a data set held in memory (with or without preamble and meta information). */
    public static DicomFile parse(byte[] bytes) throws IOException {
        return new DicomInputStream(new java.io.ByteArrayInputStream(bytes)).readFile();
    }

    /** Dataset of a file, for quick scripts. */
    public static Attributes readDataSet(Path file) throws IOException {
        return read(file).dataset();
    }
}
