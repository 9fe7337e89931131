package cn.yunying.dicom.net;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.VR;
import cn.yunying.dicom.net.pdu.RoleSelection;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * C-MOVE and C-GET SCP: asks the provider what to send, then performs the C-STORE sub-operations,
 * on this association (C-GET, PS3.4 C.4.3) or on a new one to the destination (C-MOVE, C.4.2),
 * reporting progress with pending responses and stopping on C-CANCEL.
 */
final class RetrieveService {
    private static final System.Logger LOG = System.getLogger(RetrieveService.class.getName());

    private final Association as;
    private final DimseChannel.Message request;
    private final DicomServiceProvider provider;
    private final ServerConfig config;
    private final boolean move;
    private int completed;
    private int failed;
    private int warning;
    /** For the Failed SOP Instance UID List of the final response (PS3.4 C.4.2.1.4 / C.4.3.1.4). */
    private final List<String> failedUids = new ArrayList<>();

    RetrieveService(Association as, DimseChannel.Message request, DicomServiceProvider provider, ServerConfig config) {
        this.as = as;
        this.request = request;
        this.provider = provider;
        this.config = config;
        this.move = Commands.field(request.command()) == Commands.C_MOVE_RQ;
    }

    void run() throws IOException {
        Attributes cmd = request.command();
        if (request.data() == null) {
            respond(Status.CANNOT_UNDERSTAND, -1);
            return;
        }
        RetrieveSource source;
        try {
            Attributes keys = Identifiers.read(request.data(), as.transferSyntaxOf(request.contextId()));
            source = provider.onRetrieve(new RetrieveRequest(as.info(), cmd.getString(Commands.AFFECTED_SOP_CLASS_UID),
                    cmd.getInt(Commands.PRIORITY, 0), keys, move ? cmd.getString(Commands.MOVE_DESTINATION, "") : null));
        } catch (DimseException e) {
            respond(e.status(), -1);
            return;
        }
        if (source == null || source.isRefused()) {
            respond(source == null ? Status.UNABLE_TO_PROCESS : source.refusalStatus(), -1);
            return;
        }
        if (move && source.destination() == null) {
            respond(Status.MOVE_DESTINATION_UNKNOWN, -1);
            return;
        }
        List<RetrieveInstance> instances = source.instances();
        if (move) {
            Association target;
            try {
                target = DicomClient.connect(source.destination().host(), source.destination().port(), subAssociation(source));
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot reach move destination " + source.destination() + ": " + e.getMessage());
                respond(Status.OUT_OF_RESOURCES_SUB_OPERATIONS, -1);
                return;
            }
            try {
                sendAll(target, instances);
            } finally {
                target.close();
            }
        } else {
            sendAll(as, instances);
        }
    }

    private AssociationRequestSpec subAssociation(RetrieveSource source) {
        MoveDestination d = source.destination();
        AssociationRequestSpec spec = new AssociationRequestSpec(d.aeTitle()).callingAe(config.aeTitle())
                .timeouts(config.connectTimeout(), config.artimTimeout(), config.dimseTimeout()).maxPduLength(config.maxPduLength());
        if (d.tls()) {
            spec.tls(config.tls());
        }
        Set<List<String>> pairs = new LinkedHashSet<>();
        for (RetrieveInstance i : source.instances()) {
            if (pairs.size() < 128 && pairs.add(List.of(i.sopClassUid(), i.transferSyntaxUid()))) {
                spec.addContext(i.sopClassUid(), i.transferSyntaxUid());
            }
        }
        return spec;
    }

    private void sendAll(Association target, List<RetrieveInstance> instances) throws IOException {
        String originator = move ? as.info().callingAe() : null;
        int originatorId = move ? Commands.messageId(request.command()) : -1;
        for (int i = 0; i < instances.size(); i++) {
            if (QueryService.cancelRequested(as, Commands.messageId(request.command()))) {
                respondFinal(Status.CANCEL, instances.size() - i);
                return;
            }
            RetrieveInstance inst = instances.get(i);
            int pc = target.contextId(inst.sopClassUid(), inst.transferSyntaxUid());
            if (pc < 0 || !move && !storageRoleAccepted(inst.sopClassUid())) {
                fail(inst);
            } else {
                try {
                    int status = StoreSender.send(target, pc, inst.sopClassUid(), inst.sopInstanceUid(), originator, originatorId,
                            out -> {
                                try (InputStream in = inst.opener().open()) {
                                    in.transferTo(out);
                                }
                            });
                    if (Status.isWarning(status)) {
                        warning++;
                    } else {
                        completed++;
                    }
                } catch (DimseException e) {
                    fail(inst);
                } catch (IOException e) {
                    if (target == as) {
                        throw e; // our own association broke: nobody to answer
                    }
                    // the move destination went away: the rest cannot be sent
                    LOG.log(System.Logger.Level.WARNING, "C-MOVE destination failed: " + e.getMessage());
                    instances.subList(i, instances.size()).forEach(this::fail);
                    respondFinal(Status.SUB_OPERATIONS_WARNING, -1);
                    return;
                }
            }
            if (i + 1 < instances.size()) {
                respond(Status.PENDING, instances.size() - i - 1);
            }
        }
        respondFinal(failed > 0 || warning > 0 ? Status.SUB_OPERATIONS_WARNING : Status.SUCCESS, -1);
    }

    private void fail(RetrieveInstance instance) {
        failed++;
        failedUids.add(instance.sopInstanceUid());
    }

    /** C-GET: the requestor must have taken the storage SCP role for the class (PS3.4 C.4.3.1.3). */
    private boolean storageRoleAccepted(String sopClassUid) {
        RoleSelection r = as.request().userInfo().roleSelection(sopClassUid);
        return r != null && r.scp();
    }

    private void respondFinal(int status, int remaining) throws IOException {
        if (status == Status.SUB_OPERATIONS_WARNING && completed == 0 && warning == 0) {
            status = Status.OUT_OF_RESOURCES_SUB_OPERATIONS; // nothing at all went through
        }
        Attributes identifier = null;
        if (!failedUids.isEmpty()) {
            identifier = new Attributes(false, 1);
            identifier.setString(Tag.FAILED_SOP_INSTANCE_UID_LIST, VR.UI, failedUids.toArray(String[]::new));
        }
        send(status, status == Status.CANCEL ? remaining : -1, identifier);
    }

    private void respond(int status, int remaining) throws IOException {
        send(status, remaining, null);
    }

    private void send(int status, int remaining, Attributes identifier) throws IOException {
        Attributes rsp = Commands.response(request.command(), status, identifier != null);
        if (remaining >= 0) {
            rsp.setInt(Commands.REMAINING, VR.US, remaining);
        }
        if (status != Status.MOVE_DESTINATION_UNKNOWN && status != Status.CANNOT_UNDERSTAND) {
            rsp.setInt(Commands.COMPLETED, VR.US, completed);
            rsp.setInt(Commands.FAILED, VR.US, failed);
            rsp.setInt(Commands.WARNING, VR.US, warning);
        }
        as.channel().send(request.contextId(), rsp, identifier == null ? null
                : Association.dataWriter(identifier, as.transferSyntaxOf(request.contextId())));
    }
}
