package cn.yunying.dicom.io;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Bytes;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.VR;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Reads Part 10 files and bare data sets from a stream, one pass, without
 * seeking. See {@link DataSetParser} for the element grammar; this class owns the
 * buffer, the position bookkeeping, the preamble/meta information handling and
 * the transfer syntax detection.
 *
 * <p>Allocation is bounded by what the stream delivers: values are read in chunks
 * (see {@link #readValue}), and lengths that point beyond a known stream end are
 * rejected before anything is allocated.
 */
public final class DicomInputStream implements Closeable {
    /** Initialised on the first warning only: looking up a logger starts java.util.logging, ~15 ms of a CLI's start. */
    private static final class Log {
        static final System.Logger LOG = System.getLogger(DicomInputStream.class.getName());
    }
    private static final int CHUNK = 4 << 20;

    private final InputStream source;
    private final TeeInputStream tee;
    private InputStream in;
    private static final int BUFFER_SIZE = 16 * 1024;
    /** Enough for the longest look-ahead of the parser ({@link #fill} of the preamble and "DICM": 132 bytes). */
    private static final int MIN_BUFFER_SIZE = 256;
    private final byte[] buf;
    private int pos;
    private int limit;
    private long bufStart;
    /** Total length of the (undeflated) source if known, else -1. */
    private final long sourceLength;
    private boolean inflating;
    private final ReadOptions options;

    public DicomInputStream(InputStream in) {
        this(in, null, ReadOptions.loadAll());
    }

    public DicomInputStream(InputStream in, ReadOptions options) {
        this(in, null, options);
    }

    /**
     * Reads from {@code in} and writes every byte it consumes to {@code copyTo}
     * (copy-while-parsing). Call {@link #finishCopy()} after reading to copy the rest.
     */
    public DicomInputStream(InputStream in, OutputStream copyTo, ReadOptions options) {
        this(in, copyTo, options, in instanceof ByteArrayInputStream b ? b.available() : -1);
    }

    private DicomInputStream(InputStream in, OutputStream copyTo, ReadOptions options, long sourceLength) {
        this.source = in;
        this.tee = copyTo == null ? null : new TeeInputStream(in, copyTo);
        this.in = tee != null ? tee : in;
        this.options = options.copy();
        this.sourceLength = sourceLength;
        // a short source (a command set, a small file) gets a buffer of its own size: allocating and zeroing 16 KiB
        // for every 100-byte DIMSE command was a visible share of a C-STORE's CPU time
        this.buf = new byte[sourceLength < 0 ? BUFFER_SIZE
                : (int) Math.max(MIN_BUFFER_SIZE, Math.min(BUFFER_SIZE, sourceLength))];
    }

    /** Opens a file; bulk data references will carry the file's URI. */
    public static DicomInputStream open(Path file, ReadOptions options) throws IOException {
        ReadOptions o = options.copy();
        if (o.bulkDataUri() == null) {
            o.bulkDataUri(file.toUri().toString());
        }
        return new DicomInputStream(Files.newInputStream(file), null, o, Files.size(file));
    }

    public ReadOptions options() {
        return options;
    }

    /** Bytes consumed so far (of the inflated stream once deflate has started). */
    public long position() {
        return bufStart + pos;
    }

    /** Total stream length if known (-1 if not). */
    long knownLength() {
        return inflating ? -1 : sourceLength;
    }

    boolean isInflating() {
        return inflating;
    }

    /** Reads preamble, meta information (if present) and the data set. */
    public DicomFile readFile() throws IOException {
        byte[] preamble = null;
        Attributes meta = null;
        fill(132);
        if (limit - pos >= 132 && buf[pos + 128] == 'D' && buf[pos + 129] == 'I' && buf[pos + 130] == 'C'
                && buf[pos + 131] == 'M') {
            preamble = new byte[128];
            System.arraycopy(buf, pos, preamble, 0, 128);
            pos += 132;
        }
        fill(8);
        if (available() >= 8 && Bytes.getUShort(buf, pos, false) == 0x0002) {
            boolean explicit = VR.ofCode((buf[pos + 4] & 0xFF) << 8 | buf[pos + 5] & 0xFF) != null;
            meta = new Attributes(false, 12);
            new DataSetParser(this, explicit, false).readMetaInformation(meta);
        } else if (preamble != null) {
            throw new DicomStreamException("no file meta information after the DICM prefix", position(), -1);
        }
        if (preamble == null && meta == null && available() == 0) {
            throw new DicomStreamException("empty stream, no DICOM data", position(), -1);
        }
        String tsUid = meta == null ? null : meta.getString(Tag.TRANSFER_SYNTAX_UID);
        TransferSyntax ts = tsUid == null ? guessTransferSyntax() : TransferSyntax.of(tsUid);
        if (ts.deflated()) {
            startInflating();
        } else if (tsUid != null && ts.explicitVR()) {
            // Some writers label implicit data explicit; trust the bytes when they contradict the label.
            TransferSyntax guess = guessTransferSyntax();
            if (!guess.explicitVR() && available() >= 8 && !ts.bigEndian()) {
                Log.LOG.log(System.Logger.Level.WARNING, "transfer syntax {0} says explicit VR but the data set is"
                        + " implicit VR; reading it as implicit VR little endian", tsUid);
                // Keep the UID (and whether pixel data is encapsulated): only the VR encoding differs.
                ts = new TransferSyntax(ts.uid(), false, false, false, ts.encapsulated());
            }
        }
        Attributes dataset = new Attributes(ts.bigEndian(), 64);
        boolean complete = new DataSetParser(this, ts.explicitVR(), ts.bigEndian()).readTopLevel(dataset);
        return new DicomFile(preamble, meta, dataset, ts, complete);
    }

    /** Reads a bare data set (no preamble, no meta information) in the given transfer syntax. */
    public Attributes readDataSet(TransferSyntax ts) throws IOException {
        if (ts.deflated()) {
            startInflating();
        }
        Attributes dataset = new Attributes(ts.bigEndian(), 64);
        new DataSetParser(this, ts.explicitVR(), ts.bigEndian()).readTopLevel(dataset);
        return dataset;
    }

    /** Copies the rest of the source to the copy stream given at construction. */
    public long finishCopy() throws IOException {
        if (tee == null) {
            throw new IllegalStateException("not a copying stream");
        }
        return tee.drain();
    }

    /** Guesses byte order and VR encoding from the first element (PS3.5 gives no marker). */
    private TransferSyntax guessTransferSyntax() throws IOException {
        fill(8);
        if (available() < 8) {
            return TransferSyntax.EXPLICIT_VR_LE;
        }
        int groupLE = Bytes.getUShort(buf, pos, false);
        int groupBE = Bytes.getUShort(buf, pos, true);
        boolean bigEndian = groupBE < groupLE;
        boolean explicit = VR.ofCode((buf[pos + 4] & 0xFF) << 8 | buf[pos + 5] & 0xFF) != null;
        if (bigEndian) {
            return TransferSyntax.EXPLICIT_VR_BE;
        }
        return explicit ? TransferSyntax.EXPLICIT_VR_LE : TransferSyntax.IMPLICIT_VR_LE;
    }

    private void startInflating() {
        InputStream rest = new SequenceInputStream(new ByteArrayInputStream(buf.clone(), pos, limit - pos), in);
        in = new InflaterInputStream(rest, new Inflater(true), 8192);
        bufStart += pos;
        pos = 0;
        limit = 0;
        inflating = true;
    }

    // ---- buffer primitives used by DataSetParser -------------------------------------------

    int available() {
        return limit - pos;
    }

    byte[] buffer() {
        return buf;
    }

    int bufferPosition() {
        return pos;
    }

    void advance(int n) {
        pos += n;
    }

    /** Tries to have at least n (≤ buffer size) bytes buffered; fewer only at end of stream. */
    void fill(int n) throws IOException {
        if (limit - pos >= n) {
            return;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            bufStart += pos;
            limit -= pos;
            pos = 0;
        }
        while (limit < n) {
            int r;
            try {
                r = in.read(buf, limit, buf.length - limit);
            } catch (IOException e) {
                throw inflateFailure(e);
            }
            if (r < 0) {
                return;
            }
            limit += r;
        }
    }

    /**
     * Reads a value of {@code length} bytes. Values up to 4 MiB are read into one
     * array; longer ones are gathered chunk by chunk so that a lying length cannot
     * make us allocate more than the stream actually delivers plus one chunk.
     */
    byte[] readValue(long length, int tag) throws IOException {
        long start = position();
        if (length > options.maxInlineValueLength()) {
            throw new DicomStreamException("value length " + length + " exceeds the in-memory limit of "
                    + options.maxInlineValueLength() + " bytes (read it with a bulk data threshold)", start, tag);
        }
        int len = (int) length;
        byte[] out = new byte[Math.min(len, CHUNK)];
        int filled = 0;
        while (filled < len) {
            if (filled == out.length) {
                out = java.util.Arrays.copyOf(out, (int) Math.min(len, (long) out.length * 2));
            }
            int n = readInto(out, filled, out.length - filled);
            if (n <= 0) {
                throw new DicomStreamException("stream ends after " + filled + " of " + len + " value bytes", start, tag);
            }
            filled += n;
        }
        return out;
    }

    private int readInto(byte[] b, int off, int len) throws IOException {
        int buffered = limit - pos;
        if (buffered > 0) {
            int n = Math.min(buffered, len);
            System.arraycopy(buf, pos, b, off, n);
            pos += n;
            return n;
        }
        if (len >= buf.length) {
            // Large reads bypass the buffer: one copy from the source straight into the value.
            int n;
            try {
                n = in.readNBytes(b, off, len);
            } catch (IOException e) {
                throw inflateFailure(e);
            }
            bufStart += n;
            return n == 0 ? -1 : n;
        }
        fill(1);
        if (limit - pos == 0) {
            return -1;
        }
        return readInto(b, off, len);
    }

    /** Skips {@code length} bytes, failing if the stream ends first. */
    void skipValue(long length, int tag) throws IOException {
        long start = position();
        long remaining = length;
        int buffered = Math.min(limit - pos, (int) Math.min(remaining, Integer.MAX_VALUE));
        pos += buffered;
        remaining -= buffered;
        while (remaining > 0) {
            long known = knownLength();
            long n;
            if (known >= 0 && tee == null) {
                n = in.skip(remaining);
            } else {
                n = 0;
            }
            if (n <= 0) {
                fill(1);
                if (limit - pos == 0) {
                    throw new DicomStreamException("stream ends " + remaining + " bytes before the end of a "
                            + length + "-byte value", start, tag);
                }
                int take = (int) Math.min(limit - pos, remaining);
                pos += take;
                n = take;
            } else {
                bufStart += n;
            }
            remaining -= n;
        }
        long known = knownLength();
        if (known >= 0 && position() > known) {
            throw new DicomStreamException("value of " + length + " bytes extends beyond the end of the stream ("
                    + known + " bytes)", start, tag);
        }
    }

    /** Inflater problems (corrupt or cut deflate data) become stream exceptions with an offset. */
    private IOException inflateFailure(IOException e) {
        if (!inflating || e instanceof DicomStreamException) {
            return e;
        }
        return new DicomStreamException("corrupt or truncated deflate data (" + e.getMessage() + ")", position(), -1, e);
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
