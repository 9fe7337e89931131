package cn.yunying.dicom.net;

import cn.yunying.dicom.data.UID;
import cn.yunying.dicom.net.pdu.AssociateData;
import cn.yunying.dicom.net.pdu.Pdu;
import cn.yunying.dicom.net.pdu.PresentationContext;
import cn.yunying.dicom.net.pdu.UserInfo;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.util.List;

/** Opens associations as requestor. */
public final class DicomClient {
    private DicomClient() {
    }

    /**
     * Connects (TCP_NODELAY, TLS if the spec has a context), sends the A-ASSOCIATE-RQ and waits (ARTIM)
     * for the answer.
     *
     * @throws AssociationRejectedException if the peer rejects
     * @throws AssociationAbortedException  if it aborts, closes or does not answer in time
     */
    public static Association connect(String host, int port, AssociationRequestSpec spec) throws IOException {
        if (spec.contexts().isEmpty()) {
            throw new IllegalArgumentException("no presentation context proposed");
        }
        // through a channel, so that data sets read from files can be written without a copy on the Java heap
        Socket socket = SocketChannel.open().socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) spec.connectTimeout().toMillis());
            socket.setSoTimeout((int) spec.artimTimeout().toMillis());
            if (spec.tls() != null) {
                socket = Tls.client(spec.tls(), socket, host, port);
                socket.setTcpNoDelay(true);
            }
            UpperLayer ul = new UpperLayer(socket, true, spec.artimTimeout(), spec.maxPduLength());
            UserInfo ui = UserInfo.basic(spec.maxPduLength(), UID.YUNYING_IMPLEMENTATION_CLASS, UID.YUNYING_IMPLEMENTATION_VERSION)
                    .withRoleSelections(spec.roles()).withUserIdentity(spec.userIdentity());
            AssociateData rq = new AssociateData(1, spec.calledAe(), spec.callingAe(), AssociateData.DICOM_APPLICATION_CONTEXT,
                    spec.contexts(), ui);
            ul.sendAssociateRequest(rq);
            Pdu answer = ul.receive(spec.artimTimeout());
            if (!(answer instanceof Pdu.AssociateAc ac)) {
                ul.abort();
                throw new AssociationAbortedException("no A-ASSOCIATE-AC from " + host + ":" + port, -1, -1);
            }
            List<String> abstractSyntaxes = spec.contexts().stream().map(PresentationContext::abstractSyntax).distinct().toList();
            AssociationInfo info = new AssociationInfo(spec.callingAe(), spec.calledAe(),
                    (InetSocketAddress) socket.getRemoteSocketAddress(), spec.userIdentity(), abstractSyntaxes,
                    ac.data().userInfo().implementationClassUid(), ac.data().userInfo().implementationVersion(), null, null);
            return new Association(ul, rq, ac.data(), spec.dimseTimeout(), info);
        } catch (IOException | RuntimeException e) {
            try {
                socket.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }
}
