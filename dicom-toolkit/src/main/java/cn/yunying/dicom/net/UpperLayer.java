package cn.yunying.dicom.net;

import cn.yunying.dicom.net.pdu.AssociateData;
import cn.yunying.dicom.net.pdu.Pdu;
import cn.yunying.dicom.net.pdu.PduException;
import cn.yunying.dicom.net.pdu.PduReader;
import cn.yunying.dicom.net.pdu.PduWriter;
import cn.yunying.dicom.net.ul.Action;
import cn.yunying.dicom.net.ul.Event;
import cn.yunying.dicom.net.ul.State;
import cn.yunying.dicom.net.ul.StateMachine;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.time.Duration;
import javax.net.ssl.SSLSocket;

/**
 * One transport connection driven by the PS3.8 state machine. Every received PDU and every local
 * primitive goes through {@link StateMachine#fire}; this class performs the side effects of the action
 * the table names. Reading happens on the caller's thread (the DIMSE layer pulls PDUs when it needs
 * them), so a slow consumer applies TCP back-pressure instead of filling memory. {@link #abort} may
 * be called from any thread.
 */
final class UpperLayer {
    /** Initialised on the first warning only: looking up a logger starts java.util.logging, ~15 ms of a CLI's start. */
    private static final class Log {
        static final System.Logger LOG = System.getLogger(UpperLayer.class.getName());
    }

    private final Socket socket;
    private final InputStream in;
    private final DeadlineInputStream deadline;
    private final OutputStream out;
    private final WritableByteChannel directChannel;
    private final StateMachine fsm;
    private final Duration artim;
    private final Object writeLock = new Object();
    private PduReader reader;
    private volatile boolean closed;
    private boolean quickAckSupported;
    /** Whether we sent anything since the last receive: only sending puts the kernel back into delayed-ACK mode. */
    private volatile boolean sentSinceReceive = true;

    UpperLayer(Socket socket, boolean requestor, Duration artim, long maxReceivePdu) throws IOException {
        this.socket = socket;
        this.deadline = new DeadlineInputStream(socket);
        // small on purpose: PDU headers and small PDUs come from the buffer, while the body of a large
        // P-DATA-TF (longer than the buffer) is read straight into its own array, copied once instead of twice
        this.in = new BufferedInputStream(deadline, 8 * 1024);
        this.out = socket.getOutputStream();
        this.directChannel = socket instanceof SSLSocket || socket.getChannel() == null ? null : socket.getChannel();
        this.fsm = new StateMachine(requestor);
        this.artim = artim;
        // P-DATA fragments are consumed (DimseChannel) or copied before the next receive(), so one body array is enough
        this.reader = new PduReader(in, maxReceivePdu, PduReader.DEFAULT_MAX_CONTROL_LENGTH).reuseDataBuffer();
        this.quickAckSupported = QuickAck.supported(socket);
    }

    synchronized State state() {
        return fsm.state();
    }

    boolean isRequestor() {
        return fsm.isRequestor();
    }

    Socket socket() {
        return socket;
    }

    /** Requestor: the transport is connected (Evt1 then Evt2): send the A-ASSOCIATE-RQ. */
    void sendAssociateRequest(AssociateData rq) throws IOException {
        synchronized (this) {
            fsm.fire(Event.EVT1);
            fsm.fire(Event.EVT2);
        }
        write(new Pdu.AssociateRq(rq));
    }

    /** Acceptor: a connection came in (Evt5, AE-5: ARTIM runs while we wait for the A-ASSOCIATE-RQ). */
    synchronized void connectionIndication() {
        fsm.fire(Event.EVT5);
    }

    /** Acceptor, AE-6 found the request unacceptable (PS3.8 9.2.2): answer with a reject right away. */
    void rejectUnacceptable(Pdu.AssociateRj rj) throws IOException {
        synchronized (this) {
            fsm.associateRequestRejected();
        }
        write(rj);
        awaitClose();
    }

    /** Acceptor: A-ASSOCIATE response primitive (Evt7 accept / Evt8 reject). */
    void respondToAssociate(Pdu response) throws IOException {
        synchronized (this) {
            fsm.fire(response instanceof Pdu.AssociateAc ? Event.EVT7 : Event.EVT8);
        }
        write(response);
        if (response instanceof Pdu.AssociateRj) {
            awaitClose();
        }
    }

    /** Sends a P-DATA-TF PDU already encoded (P-DATA request primitive, Evt9). */
    void sendPData(byte[] pdu, int length) throws IOException {
        pDataRequested();
        synchronized (writeLock) {
            out.write(pdu, 0, length);
            sentSinceReceive = true;
        }
    }

    /**
     * The socket's channel when bytes may be written to it directly (a plain TCP connection opened through a
     * {@link java.nio.channels.SocketChannel}): a P-DATA-TF read from a file into a direct buffer then reaches the
     * socket without being copied through the Java heap. Null for TLS and for sockets without a channel.
     */
    WritableByteChannel directChannel() {
        return directChannel;
    }

    /** Sends a P-DATA-TF PDU held between position and limit of {@code pdu} (P-DATA request primitive, Evt9). */
    void sendPData(ByteBuffer pdu) throws IOException {
        pDataRequested();
        synchronized (writeLock) {
            while (pdu.hasRemaining()) {
                directChannel.write(pdu);
            }
            sentSinceReceive = true;
        }
    }

    /** Evt9, the P-DATA request primitive: refused unless the state allows sending data. */
    private synchronized void pDataRequested() throws AssociationAbortedException {
        if (StateMachine.lookup(fsm.state(), Event.EVT9) == null) {
            throw new AssociationAbortedException("cannot send data in " + fsm.state() + " (" + fsm.state().description() + ")", -1, -1);
        }
        fsm.fire(Event.EVT9);
    }

    /** A-RELEASE request primitive (Evt11): sends the A-RELEASE-RQ. */
    void sendReleaseRequest() throws IOException {
        synchronized (this) {
            fsm.fire(Event.EVT11);
        }
        write(new Pdu.ReleaseRq());
    }

    /** A-RELEASE response primitive (Evt14): sends the A-RELEASE-RP, then (AR-4) waits for the peer to close. */
    void sendReleaseResponse() throws IOException {
        Action a;
        synchronized (this) {
            a = fsm.fire(Event.EVT14);
        }
        write(new Pdu.ReleaseRp());
        if (a == Action.AR_4) {
            awaitClose();
        }
    }

    /**
     * Reads PDUs until one the caller has to see: the A-ASSOCIATE-RQ/AC, P-DATA-TF, A-RELEASE-RQ/RP.
     * Aborts (received, sent because of a protocol error, or on timeout) end in an
     * {@link AssociationAbortedException}; a rejection in an {@link AssociationRejectedException}.
     *
     * @param timeout how long to wait for the next PDU (ARTIM in Sta2/Sta5/Sta13, else DIMSE/idle timeout)
     */
    Pdu receive(Duration timeout) throws IOException {
        while (true) {
            Pdu pdu;
            Event event;
            PduException invalid = null;
            try {
                // the whole PDU must arrive in time, not just each of its bytes (a peer trickling one
                // byte at a time would otherwise hold the connection forever)
                deadline.start(timeout);
                if (sentSinceReceive) {
                    // one setsockopt per answered message instead of one per PDU
                    sentSinceReceive = false;
                    quickAck();
                }
                try {
                    pdu = reader.read();
                } finally {
                    deadline.clear();
                }
                event = pdu == null ? Event.EVT17 : eventOf(pdu);
            } catch (PduException e) {
                pdu = null;
                event = Event.EVT19;
                invalid = e;
            } catch (SocketTimeoutException e) {
                State s = state();
                if (s == State.STA2 || s == State.STA13) {
                    fireAndClose(Event.EVT18);
                    throw new AssociationAbortedException("ARTIM timer expired in " + s, e);
                }
                abort();
                throw new AssociationAbortedException("no PDU from the peer within " + timeout + " (" + s + ")", e);
            } catch (EOFException e) {
                pdu = null;
                event = Event.EVT17;
            } catch (IOException e) {
                if (closed) {
                    throw new AssociationAbortedException("association closed", e);
                }
                pdu = null;
                event = Event.EVT17;
            }
            Action a;
            synchronized (this) {
                a = fsm.fire(event);
            }
            switch (a) {
                case AE_3, AE_6, DT_2, AR_2, AR_6, AR_8, AR_10:
                    return pdu;
                case AE_4: {
                    closeTransport();
                    Pdu.AssociateRj rj = (Pdu.AssociateRj) pdu;
                    throw new AssociationRejectedException(rj.result(), rj.source(), rj.reason());
                }
                case AR_3:
                    closeTransport();
                    return pdu;
                case AA_1, AA_8: {
                    int reason = invalid != null ? invalid.abortReason() : Pdu.Abort.REASON_UNEXPECTED_PDU;
                    String why = invalid != null ? invalid.getMessage() : "unexpected " + event.description() + " in " + a;
                    Log.LOG.log(System.Logger.Level.WARNING, "aborting association with {0}: {1}", socket.getRemoteSocketAddress(), why);
                    writeQuietly(new Pdu.Abort(Pdu.Abort.SOURCE_PROVIDER, reason));
                    awaitClose();
                    throw new AssociationAbortedException("protocol error, association aborted: " + why,
                            Pdu.Abort.SOURCE_PROVIDER, reason);
                }
                case AA_3: {
                    closeTransport();
                    Pdu.Abort ab = (Pdu.Abort) pdu;
                    throw new AssociationAbortedException("the peer aborted the association (source " + ab.source()
                            + ", reason " + ab.reason() + ")", ab.source(), ab.reason());
                }
                case AA_2, AA_4, AA_5: {
                    closeTransport();
                    throw new AssociationAbortedException("the connection was closed by the peer (" + event.description() + ")", -1, -1);
                }
                case AR_5:
                    closeTransport();
                    return null;
                case AA_6:
                    continue;
                case AA_7:
                    writeQuietly(new Pdu.Abort(Pdu.Abort.SOURCE_PROVIDER,
                            invalid != null ? invalid.abortReason() : Pdu.Abort.REASON_UNEXPECTED_PDU));
                    continue;
                default:
                    throw new AssertionError("action " + a + " on a received PDU");
            }
        }
    }

    /**
     * Linux: leave delayed-ACK ("ping-pong") mode before we wait for the next PDU. A peer that writes a
     * PDU in several small writes with Nagle's algorithm on (DCMTK's requestors do) otherwise holds its
     * last write back until our delayed ACK fires, 40 ms per message. The kernel re-enters that mode as
     * soon as we answer, so it is set again before every read. Best effort: ignored where unsupported.
     */
    private void quickAck() {
        if (!quickAckSupported) {
            return;
        }
        try {
            QuickAck.enable(socket);
        } catch (UnsupportedOperationException | IOException e) {
            quickAckSupported = false;
        }
    }

    private static Event eventOf(Pdu pdu) {
        if (pdu instanceof Pdu.AssociateRq) {
            return Event.EVT6;
        } else if (pdu instanceof Pdu.AssociateAc) {
            return Event.EVT3;
        } else if (pdu instanceof Pdu.AssociateRj) {
            return Event.EVT4;
        } else if (pdu instanceof Pdu.PDataTf) {
            return Event.EVT10;
        } else if (pdu instanceof Pdu.ReleaseRq) {
            return Event.EVT12;
        } else if (pdu instanceof Pdu.ReleaseRp) {
            return Event.EVT13;
        }
        return Event.EVT16;
    }

    /** True if bytes of a next PDU are already waiting (used to notice a C-CANCEL between responses). */
    boolean inputAvailable() {
        try {
            return in.available() > 0;
        } catch (IOException e) {
            return true; // let the next receive() find out what is wrong
        }
    }

    /** A-ABORT request primitive (Evt15), from any thread: send A-ABORT (service-user) and close. */
    void abort() {
        Action a;
        synchronized (this) {
            State s = fsm.state();
            if (StateMachine.lookup(s, Event.EVT15) == null) {
                // Sta1 (not started yet), Sta2 (no association to abort) or Sta13: just drop the connection
                closeTransport();
                return;
            }
            a = fsm.fire(Event.EVT15);
        }
        if (a == Action.AA_1) {
            writeQuietly(new Pdu.Abort(Pdu.Abort.SOURCE_USER, 0));
        }
        closeTransport();
    }

    private void fireAndClose(Event e) {
        synchronized (this) {
            if (StateMachine.lookup(fsm.state(), e) != null) {
                fsm.fire(e);
            }
        }
        closeTransport();
    }

    /**
     * Sta13: we said our last word; wait (at most ARTIM) for the peer to close so our last PDU is not
     * lost to a TCP reset, discarding whatever still arrives, then close.
     */
    private void awaitClose() {
        long deadline = System.nanoTime() + artim.toNanos();
        try {
            socket.shutdownOutput();
            byte[] sink = new byte[8192];
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    fireAndClose(Event.EVT18);
                    return;
                }
                socket.setSoTimeout((int) Math.max(1, left));
                if (in.read(sink) < 0) {
                    fireAndClose(Event.EVT17);
                    return;
                }
            }
        } catch (IOException e) {
            fireAndClose(Event.EVT17);
        }
    }

    void closeTransport() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to do with a socket that will not close
        }
    }

    boolean isClosed() {
        return closed;
    }

    private void write(Pdu pdu) throws IOException {
        byte[] b = PduWriter.encode(pdu);
        synchronized (writeLock) {
            out.write(b);
            sentSinceReceive = true;
        }
    }

    private void writeQuietly(Pdu pdu) {
        try {
            write(pdu);
        } catch (IOException e) {
            // the peer is gone already; the abort is moot
        }
    }

    static int millis(Duration d) {
        if (d == null || d.isZero() || d.isNegative()) {
            return 0;
        }
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
    }
}
