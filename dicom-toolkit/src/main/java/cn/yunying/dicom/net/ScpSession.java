package cn.yunying.dicom.net;

import cn.yunying.dicom.data.UID;
import cn.yunying.dicom.net.pdu.AssociateData;
import cn.yunying.dicom.net.pdu.Pdu;
import cn.yunying.dicom.net.pdu.PresentationContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.Principal;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;

/** One accepted connection: association negotiation, then the DIMSE request loop of the SCP. */
final class ScpSession implements Runnable {
    private static final System.Logger LOG = System.getLogger(ScpSession.class.getName());

    private final DicomServer server;
    private final ServerConfig config;
    private final Socket socket;
    private final UpperLayer ul;

    ScpSession(DicomServer server, Socket socket) throws IOException {
        this.server = server;
        this.config = server.config();
        this.socket = socket;
        this.ul = new UpperLayer(socket, false, config.artimTimeout(), config.maxPduLength());
    }

    void abort() {
        ul.abort();
    }

    @Override
    public void run() {
        try {
            Association as = negotiate();
            if (as != null) {
                serve(as);
            }
        } catch (AssociationAbortedException e) {
            LOG.log(System.Logger.Level.DEBUG, "association with {0} ended: {1}", socket.getRemoteSocketAddress(), e.getMessage());
        } catch (javax.net.ssl.SSLException e) {
            // a peer without the right certificate, or speaking plain TCP: not our failure
            LOG.log(System.Logger.Level.INFO, "TLS handshake with {0} failed: {1}", socket.getRemoteSocketAddress(), e.getMessage());
        } catch (IOException | RuntimeException | LinkageError e) {
            // LinkageError too: a class missing in a container must end this association, not leave it hanging
            LOG.log(System.Logger.Level.WARNING, "association with " + socket.getRemoteSocketAddress() + " failed", e);
            ul.abort();
        } finally {
            ul.closeTransport();
            server.ended(this);
        }
    }

    /** Sta2 to Sta6 (or to a reject): returns null if the association was not established. */
    private Association negotiate() throws IOException {
        ul.connectionIndication();
        if (socket instanceof SSLSocket ssl) {
            socket.setSoTimeout((int) config.artimTimeout().toMillis());
            ssl.startHandshake();
        }
        Pdu pdu = ul.receive(config.artimTimeout());
        if (!(pdu instanceof Pdu.AssociateRq request)) {
            return null; // AR-5 etc.: the peer closed before asking
        }
        AssociateData rq = request.data();
        if ((rq.protocolVersion() & 1) == 0) {
            ul.rejectUnacceptable(new Pdu.AssociateRj(Pdu.AssociateRj.PERMANENT, Pdu.AssociateRj.SOURCE_ACSE,
                    Pdu.AssociateRj.ACSE_PROTOCOL_VERSION_NOT_SUPPORTED));
            return null;
        }
        if (!AssociateData.DICOM_APPLICATION_CONTEXT.equals(rq.applicationContext())) {
            ul.respondToAssociate(new Pdu.AssociateRj(Pdu.AssociateRj.PERMANENT, Pdu.AssociateRj.SOURCE_USER,
                    Pdu.AssociateRj.USER_APP_CONTEXT_NOT_SUPPORTED));
            return null;
        }
        if (config.maxAssociations() > 0 && server.openAssociations() > config.maxAssociations()) {
            ul.respondToAssociate(new Pdu.AssociateRj(Pdu.AssociateRj.TRANSIENT, Pdu.AssociateRj.SOURCE_PRESENTATION,
                    Pdu.AssociateRj.PRESENTATION_LOCAL_LIMIT_EXCEEDED));
            return null;
        }
        AssociationInfo info = new AssociationInfo(rq.callingAe(), rq.calledAe(),
                (InetSocketAddress) socket.getRemoteSocketAddress(), rq.userInfo().userIdentity(),
                rq.presentationContexts().stream().map(PresentationContext::abstractSyntax).distinct().toList(),
                rq.userInfo().implementationClassUid(), rq.userInfo().implementationVersion(), tlsPeer(),
                tlsPeerCertificate());
        AssociationDecision decision;
        try {
            decision = server.provider().onAssociationRequest(info);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "association decision failed", e);
            decision = AssociationDecision.reject(Pdu.AssociateRj.TRANSIENT, Pdu.AssociateRj.SOURCE_USER, Pdu.AssociateRj.USER_NO_REASON);
        }
        if (decision == null || !decision.isAccepted()) {
            AssociationDecision d = decision != null ? decision
                    : AssociationDecision.reject(Pdu.AssociateRj.PERMANENT, Pdu.AssociateRj.SOURCE_USER, Pdu.AssociateRj.USER_NO_REASON);
            ul.respondToAssociate(new Pdu.AssociateRj(d.result(), d.source(), d.reason()));
            return null;
        }
        AssociateData ac = Negotiation.accept(rq, decision, config, UID.YUNYING_IMPLEMENTATION_VERSION, UID.YUNYING_IMPLEMENTATION_CLASS);
        ul.respondToAssociate(new Pdu.AssociateAc(ac));
        return new Association(ul, rq, ac, config.dimseTimeout(), info);
    }

    private X509Certificate tlsPeerCertificate() {
        if (socket instanceof SSLSocket ssl) {
            try {
                Certificate[] chain = ssl.getSession().getPeerCertificates();
                return chain.length > 0 && chain[0] instanceof X509Certificate x509 ? x509 : null;
            } catch (SSLPeerUnverifiedException e) {
                return null;
            }
        }
        return null;
    }

    private Principal tlsPeer() {
        if (socket instanceof SSLSocket ssl) {
            try {
                return ssl.getSession().getPeerPrincipal();
            } catch (SSLPeerUnverifiedException e) {
                return null;
            }
        }
        return null;
    }

    /** Sta6: answers requests until the peer releases or aborts. */
    private void serve(Association as) throws IOException {
        DicomServiceProvider provider = server.provider();
        while (true) {
            DimseChannel.Message m = as.channel().read(config.idleTimeout());
            if (m == null) {
                return;
            }
            int field = Commands.field(m.command());
            switch (field) {
                case Commands.C_ECHO_RQ -> respond(as, m, Status.SUCCESS);
                case Commands.C_STORE_RQ -> respond(as, m,
                        StoreService.handle(as.info(), m, as.transferSyntaxOf(m.contextId()), provider::onStore));
                case Commands.C_FIND_RQ -> QueryService.find(as, m, provider);
                case Commands.C_GET_RQ, Commands.C_MOVE_RQ -> new RetrieveService(as, m, provider, config).run();
                case Commands.N_ACTION_RQ -> CommitmentService.handle(as, m, provider);
                case Commands.C_CANCEL_RQ -> {
                    // nothing of ours is running (operations run one at a time): a late cancel, ignore it
                }
                default -> {
                    if (m.data() != null) {
                        m.data().drain();
                    }
                    respond(as, m, Status.UNRECOGNIZED_OPERATION);
                }
            }
        }
    }

    static void respond(Association as, DimseChannel.Message m, int status) throws IOException {
        as.channel().send(m.contextId(), Commands.response(m.command(), status, false), null);
    }
}
