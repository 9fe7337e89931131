package cn.yunying.dicom.net;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.net.pdu.Pdu;
import cn.yunying.dicom.net.pdu.Pdv;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.IntPredicate;

/**
 * DIMSE messages over P-DATA: reassembles commands from PDV fragments and hands data sets on as a
 * stream that pulls further P-DATA-TF PDUs only as it is read (so a large data set is never held in
 * memory); fragments outgoing commands and data sets into PDUs no longer than the peer accepts.
 */
final class DimseChannel {
    /** What we send when the peer announced "no limit" (0): PS3.8 allows any size, we keep PDUs modest. */
    static final int UNLIMITED_PEER_SEND_LENGTH = 256 * 1024;

    /** A received message; {@code data} is null if the command says no data set follows. */
    record Message(int contextId, Attributes command, DataStream data) {
    }

    /** Writes a data set to the stream it is given. */
    @FunctionalInterface
    interface DataWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * A data set that is a region of a file: sent with positional reads into a direct buffer when the connection
     * allows it ({@link UpperLayer#directChannel()}), else copied through {@link #writeTo} like any other data set.
     */
    record FileRegion(FileChannel file, long position, long length) implements DataWriter {
        @Override
        public void writeTo(OutputStream out) throws IOException {
            byte[] chunk = new byte[(int) Math.min(64 * 1024, Math.max(1, length))];
            ByteBuffer b = ByteBuffer.wrap(chunk);
            for (long done = 0; done < length; ) {
                b.clear().limit((int) Math.min(chunk.length, length - done));
                int n = file.read(b, position + done);
                if (n < 0) {
                    throw new EOFException("file ended " + (length - done) + " bytes early");
                }
                out.write(chunk, 0, n);
                done += n;
            }
        }
    }

    private final UpperLayer ul;
    private final int maxPdvLength;
    private final IntPredicate acceptedContext;
    private final ArrayDeque<Pdv> pending = new ArrayDeque<>();
    private final Object sendLock = new Object();
    /** The PDU being filled by a {@link FragmentingStream}; one per channel, used only under {@code sendLock}. */
    private byte[] sendBuffer;
    /** The same for {@link #sendDirect}, outside the Java heap. */
    private ByteBuffer directBuffer;
    private final Duration dataTimeout;
    private DataStream current;
    private boolean released;

    /**
     * @param peerMaxPdu      the maximum length the peer announced (0 = no limit)
     * @param acceptedContext which presentation context IDs were accepted
     * @param dataTimeout     how long to wait for the next fragment of a message once it started
     */
    DimseChannel(UpperLayer ul, long peerMaxPdu, IntPredicate acceptedContext, Duration dataTimeout) {
        this.ul = ul;
        this.dataTimeout = dataTimeout;
        long max = peerMaxPdu == 0 ? UNLIMITED_PEER_SEND_LENGTH : Math.min(peerMaxPdu, 4L << 20);
        this.maxPdvLength = (int) Math.max(1, max - 6);
        this.acceptedContext = acceptedContext;
    }

    UpperLayer upperLayer() {
        return ul;
    }

    /** True once the peer released the association (we answered with A-RELEASE-RP). */
    boolean isReleased() {
        return released;
    }

    /**
     * Reads the next message, first discarding what the caller left unread of the previous data set.
     * Returns null if the peer released the association instead.
     *
     * @param timeout how long to wait for the first fragment of the command (idle or DIMSE timeout)
     */
    Message read(Duration timeout) throws IOException {
        if (current != null) {
            current.drain();
            current = null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        int contextId = -1;
        while (true) {
            Pdv v = nextPdv(contextId == -1 ? timeout : dataTimeout);
            if (v == null) {
                return null;
            }
            if (!v.command() || contextId != -1 && v.contextId() != contextId) {
                throw violation("expected a command fragment" + (contextId == -1 ? "" : " of context " + contextId)
                        + ", got " + (v.command() ? "one of context " + v.contextId() : "a data set fragment"));
            }
            contextId = v.contextId();
            if (bytes.size() + v.length() > Commands.MAX_COMMAND_LENGTH) {
                throw violation("command set longer than " + Commands.MAX_COMMAND_LENGTH + " bytes");
            }
            bytes.write(v.data(), v.offset(), v.length());
            if (v.last()) {
                break;
            }
        }
        if (!acceptedContext.test(contextId)) {
            throw violation("message on presentation context " + contextId + ", which was not accepted");
        }
        Attributes cmd;
        try {
            cmd = Commands.decode(bytes.toByteArray());
        } catch (IOException e) {
            throw violation("undecodable command set: " + e.getMessage());
        }
        if (Commands.hasDataSet(cmd)) {
            current = new DataStream(contextId, dataTimeout);
        }
        return new Message(contextId, cmd, current);
    }

    /** True if a PDU or fragment is already waiting (cheap, never blocks). */
    boolean hasIncoming() {
        return !pending.isEmpty() || ul.inputAvailable();
    }

    private Pdv nextPdv(Duration timeout) throws IOException {
        while (pending.isEmpty()) {
            Pdu p = ul.receive(timeout);
            if (p instanceof Pdu.PDataTf data) {
                pending.addAll(data.pdvs());
            } else if (p instanceof Pdu.ReleaseRq) {
                // AR-2: the peer asks to release; we never have anything left to say at a message boundary
                released = true;
                ul.sendReleaseResponse();
                return null;
            } else {
                released = true;
                return null;
            }
        }
        return pending.poll();
    }

    private IOException violation(String why) {
        ul.abort();
        return new AssociationAbortedException("DIMSE protocol violation, association aborted: " + why, Pdu.Abort.SOURCE_USER, 0);
    }

    /** Sends a command and, if {@code data} is not null, a data set after it on the same context. */
    void send(int contextId, Attributes command, DataWriter data) throws IOException {
        byte[] cmd = Commands.encode(command);
        synchronized (sendLock) {
            // a command is short: a PDU of its own size, not a buffer of the peer's maximum length
            byte[] commandPdu = new byte[12 + Math.min(cmd.length, maxPdvLength)];
            try (FragmentingStream out = new FragmentingStream(contextId, true, commandPdu)) {
                out.write(cmd);
            }
            if (data instanceof FileRegion region && ul.directChannel() != null) {
                sendDirect(contextId, region);
            } else if (data != null) {
                if (sendBuffer == null) {
                    sendBuffer = new byte[12 + maxPdvLength];
                }
                FragmentingStream out = new FragmentingStream(contextId, false, sendBuffer);
                data.writeTo(out);
                out.close();
            }
        }
    }

    /**
     * The file's bytes go from the page cache into a direct buffer behind the 12 bytes of PDU and PDV header and from
     * there to the socket: no copy through the Java heap, as a C program would do it.
     */
    private void sendDirect(int contextId, FileRegion region) throws IOException {
        if (directBuffer == null) {
            directBuffer = ByteBuffer.allocateDirect(12 + maxPdvLength);
        }
        ByteBuffer b = directBuffer;
        long done = 0;
        do {
            int n = (int) Math.min(maxPdvLength, region.length() - done);
            b.clear().position(12).limit(12 + n);
            while (b.hasRemaining()) {
                if (region.file().read(b, region.position() + done + b.position() - 12) < 0) {
                    // part of the data set is out already: only an abort ends this message cleanly
                    ul.abort();
                    throw new EOFException("file ended " + (region.length() - done - (b.position() - 12)) + " bytes early");
                }
            }
            done += n;
            putHeader(b, n, contextId, false, done == region.length());
            b.position(0);
            ul.sendPData(b);
        } while (done < region.length());
    }

    /** Reads one data set from PDV fragments of one context; ends at the fragment flagged last. */
    final class DataStream extends InputStream {
        private final int contextId;
        private final Duration timeout;
        private Pdv pdv;
        private int pos;
        private boolean lastSeen;
        private boolean failed;
        private long count;

        DataStream(int contextId, Duration timeout) {
            this.contextId = contextId;
            this.timeout = timeout;
        }

        /** Whether reading failed because the association broke (as opposed to the reader giving up). */
        boolean failed() {
            return failed;
        }

        long bytesRead() {
            return count;
        }

        private boolean fill() throws IOException {
            while (pdv == null || pos == pdv.length()) {
                if (lastSeen) {
                    return false;
                }
                Pdv v;
                try {
                    v = nextPdv(timeout);
                } catch (IOException e) {
                    failed = true;
                    throw e;
                }
                if (v == null) {
                    failed = true;
                    throw new AssociationAbortedException("association released in the middle of a data set", -1, -1);
                }
                if (v.command() || v.contextId() != contextId) {
                    failed = true;
                    throw violation("expected a data set fragment of context " + contextId);
                }
                pdv = v;
                pos = 0;
                lastSeen = v.last();
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            if (!fill()) {
                return -1;
            }
            count++;
            return pdv.data()[pdv.offset() + pos++] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, pdv.length() - pos);
            System.arraycopy(pdv.data(), pdv.offset() + pos, b, off, n);
            pos += n;
            count += n;
            return n;
        }

        @Override
        public int available() {
            return pdv == null ? 0 : pdv.length() - pos;
        }

        /** Writes the rest of the data set straight from the received PDUs (no intermediate buffer). */
        @Override
        public long transferTo(OutputStream out) throws IOException {
            long n = 0;
            while (fill()) {
                int len = pdv.length() - pos;
                out.write(pdv.data(), pdv.offset() + pos, len);
                pos += len;
                count += len;
                n += len;
            }
            return n;
        }

        /** Reads and discards the rest of the data set. */
        void drain() throws IOException {
            while (fill()) {
                count += pdv.length() - pos;
                pos = pdv.length();
            }
        }

        /** Closing drains, so the next message can be read. */
        @Override
        public void close() throws IOException {
            if (!failed) {
                drain();
            }
        }
    }

    /** Cuts what is written into P-DATA-TF PDUs of one PDV each; the last one is sent on close. */
    private final class FragmentingStream extends OutputStream {
        private final int contextId;
        private final boolean command;
        private final byte[] buf;
        private int count = 12;
        private boolean closed;

        FragmentingStream(int contextId, boolean command, byte[] buf) {
            this.contextId = contextId;
            this.command = command;
            this.buf = buf;
        }

        @Override
        public void write(int b) throws IOException {
            if (count == buf.length) {
                sendFragment(false);
            }
            buf[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (count == buf.length) {
                    // only now do we know more follows, so the fragment is not the last one
                    sendFragment(false);
                }
                int n = Math.min(len, buf.length - count);
                System.arraycopy(b, off, buf, count, n);
                count += n;
                off += n;
                len -= n;
            }
        }

        private void sendFragment(boolean last) throws IOException {
            putHeader(ByteBuffer.wrap(buf), count - 12, contextId, command, last);
            ul.sendPData(buf, count);
            count = 12;
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                sendFragment(true);
            }
        }
    }

    /**
     * The 12 bytes before a PDV's data in a P-DATA-TF of one PDV: PDU type and length, PDV item length, context ID and
     * the message control header (command or data set, last fragment or not). Big endian like every PDU field.
     */
    private static void putHeader(ByteBuffer pdu, int dataLength, int contextId, boolean command, boolean last) {
        pdu.putInt(0, Pdu.TYPE_P_DATA_TF << 24);
        pdu.putInt(2, dataLength + 6);
        pdu.putInt(6, dataLength + 2);
        pdu.put(10, (byte) contextId);
        pdu.put(11, (byte) ((command ? 1 : 0) | (last ? 2 : 0)));
    }
}
