package cn.yunying.dicom.net;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Sequence;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.UID;
import cn.yunying.dicom.data.VR;
import cn.yunying.dicom.io.DicomOutputStream;
import cn.yunying.dicom.io.TransferSyntax;
import cn.yunying.dicom.net.pdu.AssociateData;
import cn.yunying.dicom.net.pdu.Pdu;
import cn.yunying.dicom.net.pdu.PresentationContext;
import cn.yunying.dicom.net.ul.State;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An established association, requestor side: the DIMSE operations of an SCU. One operation at a
 * time (we negotiate no asynchronous window), so the methods are not meant to be called concurrently;
 * {@link #abort()} may be called from any thread.
 */
public final class Association implements AutoCloseable {
    static final int TAG_TRANSACTION_UID = 0x00081195;
    static final int TAG_REFERENCED_SOP_SEQUENCE = 0x00081199;
    static final int TAG_FAILED_SOP_SEQUENCE = 0x00081198;
    static final int TAG_REFERENCED_SOP_CLASS_UID = 0x00081150;
    static final int TAG_REFERENCED_SOP_INSTANCE_UID = 0x00081155;
    static final int TAG_FAILURE_REASON = 0x00081197;

    private final UpperLayer ul;
    private final DimseChannel channel;
    private final AssociateData rq;
    private final AssociateData ac;
    private final Duration dimseTimeout;
    private final AssociationInfo info;
    private int nextMessageId = 1;

    Association(UpperLayer ul, AssociateData rq, AssociateData ac, Duration dimseTimeout, AssociationInfo info) {
        this.ul = ul;
        this.rq = rq;
        this.ac = ac;
        this.dimseTimeout = dimseTimeout;
        this.info = info;
        this.channel = new DimseChannel(ul, ac.userInfo().maxPduLength(), this::isAcceptedContext, dimseTimeout);
    }

    /** The A-ASSOCIATE-RQ we sent. */
    public AssociateData request() {
        return rq;
    }

    /** The A-ASSOCIATE-AC we received. */
    public AssociateData acceptance() {
        return ac;
    }

    public boolean isOpen() {
        return ul.state() == State.STA6;
    }

    private boolean isAcceptedContext(int id) {
        PresentationContext r = ac.context(id);
        return r != null && r.isAccepted() && rq.context(id) != null;
    }

    /** Transfer syntaxes accepted for an abstract syntax, in the order of our proposals. */
    public List<String> acceptedTransferSyntaxes(String abstractSyntax) {
        List<String> out = new ArrayList<>();
        for (PresentationContext p : rq.presentationContexts()) {
            PresentationContext r = ac.context(p.id());
            if (p.abstractSyntax().equals(abstractSyntax) && r != null && r.isAccepted()) {
                out.add(r.transferSyntax());
            }
        }
        return out;
    }

    /** The accepted context for an abstract syntax (and transfer syntax, if not null), or -1. */
    int contextId(String abstractSyntax, String transferSyntax) {
        for (PresentationContext p : rq.presentationContexts()) {
            PresentationContext r = ac.context(p.id());
            if (p.abstractSyntax().equals(abstractSyntax) && r != null && r.isAccepted()
                    && (transferSyntax == null || transferSyntax.equals(r.transferSyntax()))) {
                return p.id();
            }
        }
        return -1;
    }

    private int requireContext(String abstractSyntax) throws DimseException {
        int id = contextId(abstractSyntax, null);
        if (id < 0) {
            throw new DimseException(Status.SOP_CLASS_NOT_SUPPORTED, "no presentation context accepted for " + abstractSyntax);
        }
        return id;
    }

    String transferSyntaxOf(int contextId) {
        return ac.context(contextId).transferSyntax();
    }

    DimseChannel channel() {
        return channel;
    }

    AssociationInfo info() {
        return info;
    }

    Duration dimseTimeout() {
        return dimseTimeout;
    }

    int nextMessageId() {
        int id = nextMessageId;
        nextMessageId = nextMessageId == 0xFFFF ? 1 : nextMessageId + 1;
        return id;
    }

    /** Reads the next message; the association ending instead is an error here. */
    DimseChannel.Message readMessage() throws IOException {
        DimseChannel.Message m = channel.read(dimseTimeout);
        if (m == null) {
            throw new AssociationAbortedException("the peer released the association while we awaited a response", -1, -1);
        }
        return m;
    }

    /** Reads the response to message {@code messageId}; any other message is a protocol error. */
    DimseChannel.Message readResponse(int messageId) throws IOException {
        DimseChannel.Message m = readMessage();
        checkResponse(m, messageId);
        return m;
    }

    void checkResponse(DimseChannel.Message m, int messageId) throws IOException {
        if ((Commands.field(m.command()) & Commands.RSP) == 0
                || m.command().getInt(Commands.MESSAGE_ID_RESPONDED_TO, -1) != messageId) {
            abort();
            throw new AssociationAbortedException("unexpected " + Commands.describe(m.command()) + " while awaiting the response to "
                    + messageId, Pdu.Abort.SOURCE_USER, 0);
        }
    }

    static int failIfFailure(Attributes rsp) throws DimseException {
        int status = Commands.status(rsp);
        if (Status.isFailure(status)) {
            throw new DimseException(status, rsp.getString(Commands.ERROR_COMMENT));
        }
        return status;
    }

    /** C-ECHO (Verification). */
    public void echo() throws IOException {
        int pc = requireContext(ServiceClasses.VERIFICATION);
        int id = nextMessageId();
        channel.send(pc, Commands.request(Commands.C_ECHO_RQ, ServiceClasses.VERIFICATION, id, false), null);
        DimseChannel.Message m = readResponse(id);
        int status = Commands.status(m.command());
        if (status != Status.SUCCESS) {
            throw new DimseException(status, "C-ECHO failed");
        }
    }

    /**
     * C-STORE of a Part 10 file, streamed from disk. Uses a context with the file's own transfer syntax,
     * else converts between Explicit and Implicit VR Little Endian.
     *
     * @return the success or warning status
     * @throws DimseException on a failure status or if no usable context was accepted
     */
    public int store(Path file) throws IOException {
        return StoreSender.store(this, file);
    }

    /** C-STORE of a data set held in memory, encoded in the best accepted transfer syntax we can write. */
    public int store(Attributes dataSet) throws IOException {
        return StoreSender.store(this, dataSet);
    }

    /** C-STORE of a data set already encoded in {@code transferSyntaxUid}, streamed from {@code dataSet}. */
    public int store(String sopClassUid, String sopInstanceUid, String transferSyntaxUid, InputStream dataSet) throws IOException {
        int pc = contextId(sopClassUid, transferSyntaxUid);
        if (pc < 0) {
            throw new DimseException(Status.SOP_CLASS_NOT_SUPPORTED, "no context accepted for " + sopClassUid + " in " + transferSyntaxUid);
        }
        return StoreSender.send(this, pc, sopClassUid, sopInstanceUid, null, -1, out -> dataSet.transferTo(out));
    }

    /** C-FIND: returns the matches as they arrive; cancel or close to stop early. */
    public FindResults find(String sopClassUid, Attributes keys) throws IOException {
        int pc = requireContext(sopClassUid);
        int id = nextMessageId();
        Attributes cmd = Commands.request(Commands.C_FIND_RQ, sopClassUid, id, true);
        cmd.setInt(Commands.PRIORITY, VR.US, 0);
        channel.send(pc, cmd, dataWriter(keys, transferSyntaxOf(pc)));
        return new FindResults(this, pc, id);
    }

    /** C-MOVE of what {@code keys} select to {@code destinationAe}; blocks until the final response. */
    public RetrieveResult move(String sopClassUid, String destinationAe, Attributes keys) throws IOException {
        int pc = requireContext(sopClassUid);
        int id = nextMessageId();
        Attributes cmd = Commands.request(Commands.C_MOVE_RQ, sopClassUid, id, true);
        cmd.setInt(Commands.PRIORITY, VR.US, 0);
        cmd.setString(Commands.MOVE_DESTINATION, VR.AE, destinationAe);
        channel.send(pc, cmd, dataWriter(keys, transferSyntaxOf(pc)));
        while (true) {
            DimseChannel.Message m = readResponse(id);
            int status = Commands.status(m.command());
            if (!Status.isPending(status)) {
                List<String> failedUids = failedUids(m, pc);
                failIfFailure(m.command());
                return result(m.command(), failedUids);
            }
            if (m.data() != null) {
                m.data().drain();
            }
        }
    }

    /**
     * C-GET: the SCP sends the objects back as C-STORE sub-operations on this association, each handed
     * to {@code handler}. The request must have proposed the storage classes with the SCP role.
     */
    public RetrieveResult get(String sopClassUid, Attributes keys, StoreHandler handler) throws IOException {
        int pc = requireContext(sopClassUid);
        int id = nextMessageId();
        Attributes cmd = Commands.request(Commands.C_GET_RQ, sopClassUid, id, true);
        cmd.setInt(Commands.PRIORITY, VR.US, 0);
        channel.send(pc, cmd, dataWriter(keys, transferSyntaxOf(pc)));
        while (true) {
            DimseChannel.Message m = readMessage();
            if (Commands.field(m.command()) == Commands.C_STORE_RQ) {
                StoreSender.receive(this, m, handler);
                continue;
            }
            checkResponse(m, id);
            if (!Status.isPending(Commands.status(m.command()))) {
                List<String> failedUids = failedUids(m, pc);
                failIfFailure(m.command());
                return result(m.command(), failedUids);
            }
            if (m.data() != null) {
                m.data().drain();
            }
        }
    }

    private static RetrieveResult result(Attributes rsp, List<String> failedUids) {
        return new RetrieveResult(Commands.status(rsp), rsp.getInt(Commands.COMPLETED, 0), rsp.getInt(Commands.FAILED, 0),
                rsp.getInt(Commands.WARNING, 0), failedUids);
    }

    /** The Failed SOP Instance UID List of a final C-MOVE/C-GET response's identifier, if it has one. */
    private List<String> failedUids(DimseChannel.Message m, int pc) throws IOException {
        if (m.data() == null) {
            return List.of();
        }
        Attributes identifier = Identifiers.read(m.data(), transferSyntaxOf(pc));
        String[] uids = identifier.getStrings(Tag.FAILED_SOP_INSTANCE_UID_LIST);
        return uids == null ? List.of() : List.of(uids);
    }

    /**
     * Storage Commitment Push Model: sends the N-ACTION and waits on this association for the
     * N-EVENT-REPORT with the outcome (within the DIMSE timeout).
     */
    public CommitmentResult requestCommitment(String transactionUid, List<SopReference> references) throws IOException {
        int pc = requireContext(ServiceClasses.STORAGE_COMMITMENT_PUSH);
        int id = nextMessageId();
        Attributes cmd = Commands.request(Commands.N_ACTION_RQ, null, id, true);
        cmd.setString(Commands.REQUESTED_SOP_CLASS_UID, VR.UI, ServiceClasses.STORAGE_COMMITMENT_PUSH);
        cmd.setString(Commands.REQUESTED_SOP_INSTANCE_UID, VR.UI, ServiceClasses.STORAGE_COMMITMENT_PUSH_INSTANCE);
        cmd.setInt(Commands.ACTION_TYPE_ID, VR.US, 1);
        Attributes ds = new Attributes();
        ds.setString(TAG_TRANSACTION_UID, VR.UI, transactionUid);
        Sequence seq = ds.newSequence(TAG_REFERENCED_SOP_SEQUENCE, references.size());
        for (SopReference r : references) {
            Attributes item = seq.addNew();
            item.setString(TAG_REFERENCED_SOP_CLASS_UID, VR.UI, r.sopClassUid());
            item.setString(TAG_REFERENCED_SOP_INSTANCE_UID, VR.UI, r.sopInstanceUid());
        }
        channel.send(pc, cmd, dataWriter(ds, transferSyntaxOf(pc)));
        DimseChannel.Message rsp = readResponse(id);
        if (rsp.data() != null) {
            rsp.data().drain();
        }
        failIfFailure(rsp.command());
        DimseChannel.Message report = readMessage();
        if (Commands.field(report.command()) != Commands.N_EVENT_REPORT_RQ || report.data() == null) {
            abort();
            throw new AssociationAbortedException("expected the storage commitment N-EVENT-REPORT, got "
                    + Commands.describe(report.command()), Pdu.Abort.SOURCE_USER, 0);
        }
        Attributes event = Identifiers.read(report.data(), transferSyntaxOf(report.contextId()));
        channel.send(report.contextId(), Commands.response(report.command(), Status.SUCCESS, false), null);
        List<SopReference> ok = new ArrayList<>();
        Map<SopReference, Integer> failed = new LinkedHashMap<>();
        Sequence s = event.getSequence(TAG_REFERENCED_SOP_SEQUENCE);
        if (s != null) {
            for (Attributes item : s) {
                ok.add(new SopReference(item.getString(TAG_REFERENCED_SOP_CLASS_UID), item.getString(TAG_REFERENCED_SOP_INSTANCE_UID)));
            }
        }
        Sequence f = event.getSequence(TAG_FAILED_SOP_SEQUENCE);
        if (f != null) {
            for (Attributes item : f) {
                failed.put(new SopReference(item.getString(TAG_REFERENCED_SOP_CLASS_UID),
                        item.getString(TAG_REFERENCED_SOP_INSTANCE_UID)), item.getInt(TAG_FAILURE_REASON, CommitmentResult.PROCESSING_FAILURE));
            }
        }
        return new CommitmentResult(event.getString(TAG_TRANSACTION_UID), ok, failed);
    }

    /** Same, with a fresh transaction UID. */
    public CommitmentResult requestCommitment(List<SopReference> references) throws IOException {
        return requestCommitment(UID.randomUid(), references);
    }

    static DimseChannel.DataWriter dataWriter(Attributes ds, String tsUid) {
        return out -> {
            DicomOutputStream dos = new DicomOutputStream(out);
            dos.writeDataSet(ds, TransferSyntax.of(tsUid));
            dos.flush();
        };
    }

    /**
     * Orderly release (A-RELEASE), handling a release collision (PS3.8 section 7.2.2) if the peer asks
     * for release at the same time.
     */
    public void release() throws IOException {
        ul.sendReleaseRequest();
        while (true) {
            Pdu p = ul.receive(dimseTimeout);
            if (p == null || ul.isClosed()) {
                return;
            }
            if (p instanceof Pdu.ReleaseRq) {
                if (ul.state() == State.STA9) {
                    ul.sendReleaseResponse(); // AR-9: requestor answers first, then awaits the peer's RP
                }
            } else if (p instanceof Pdu.ReleaseRp && ul.state() == State.STA12) {
                ul.sendReleaseResponse(); // AR-4 after AR-10: acceptor side of a collision
                return;
            }
            // P-DATA in Sta7 (AR-6): the peer was still talking; nothing is waiting for it any more
        }
    }

    /** A-ABORT; safe from any thread and in any state. */
    public void abort() {
        ul.abort();
    }

    /** Releases if the association is still established, else makes sure the connection is gone. */
    @Override
    public void close() {
        if (ul.state() == State.STA6) {
            try {
                release();
                return;
            } catch (IOException e) {
                // fall through to abort
            }
        }
        ul.abort();
    }
}
