package cn.yunying.dicom.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yunying.dicom.data.UID;
import cn.yunying.dicom.net.pdu.AssociateData;
import cn.yunying.dicom.net.pdu.Pdu;
import cn.yunying.dicom.net.pdu.PduReader;
import cn.yunying.dicom.net.pdu.PduWriter;
import cn.yunying.dicom.net.pdu.PresentationContext;
import cn.yunying.dicom.net.pdu.UserInfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The upper layer against hand-written peers: malformed PDUs, ARTIM, release collision, aborts. */
@Timeout(30)
class UpperLayerWireTest {

    static ServerConfig quickConfig() {
        return ServerConfig.builder("TESTSCP").bindAddress("127.0.0.1").artimTimeout(Duration.ofMillis(500)).build();
    }

    static Pdu.AssociateRq echoRequest() {
        return new Pdu.AssociateRq(new AssociateData(1, "TESTSCP", "RAW", AssociateData.DICOM_APPLICATION_CONTEXT,
                List.of(PresentationContext.proposal(1, UID.VERIFICATION, UID.IMPLICIT_VR_LITTLE_ENDIAN)),
                UserInfo.basic(16384, "1.2.3", null)));
    }

    /** Sends raw bytes to a fresh connection and returns the PDU the server answers with (null if it just closed). */
    static Pdu exchange(int port, byte[]... sends) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setTcpNoDelay(true);
            s.setSoTimeout(5000);
            PduReader reader = new PduReader(s.getInputStream(), 1 << 20, 1 << 20);
            Pdu last = null;
            for (int i = 0; i < sends.length; i++) {
                byte[] b = sends[i];
                s.getOutputStream().write(b);
                if (b[0] == Pdu.TYPE_ASSOCIATE_RQ && i < sends.length - 1) {
                    last = reader.read();
                    assertInstanceOf(Pdu.AssociateAc.class, last);
                }
            }
            return reader.read();
        }
    }

    @Test
    void malformedPdusAreAnsweredWithProviderAbortsAndTheServerGoesOn() throws Exception {
        try (TestServer server = new TestServer(quickConfig(), new MemoryProvider())) {
            int port = server.port();
            assertEquals(new Pdu.Abort(2, Pdu.Abort.REASON_UNRECOGNIZED_PDU), exchange(port, new byte[] {0x0A, 0, 0, 0, 0, 0}));
            byte[] rq = PduWriter.encode(echoRequest());
            byte[] badItem = rq.clone();
            badItem[76] = (byte) 0x7F; // application context item length runs past the PDU
            assertEquals(new Pdu.Abort(2, Pdu.Abort.REASON_INVALID_PARAMETER), exchange(port, badItem));
            // a huge P-DATA before any association: refused on its header
            assertEquals(new Pdu.Abort(2, Pdu.Abort.REASON_INVALID_PARAMETER), exchange(port, new byte[] {4, 0, 0x7F, -1, -1, -1}));
            // well-formed but unexpected: P-DATA in Sta2
            byte[] pdata = PduWriter.encode(new Pdu.PDataTf(List.of(new cn.yunying.dicom.net.pdu.Pdv(1, true, true, new byte[] {1}))));
            assertEquals(new Pdu.Abort(2, Pdu.Abort.REASON_UNEXPECTED_PDU), exchange(port, pdata));
            // established, then a second A-ASSOCIATE-RQ (AA-8)
            assertEquals(new Pdu.Abort(2, Pdu.Abort.REASON_UNEXPECTED_PDU), exchange(port, rq, rq));
            // established, then an unknown PDU type
            assertEquals(new Pdu.Abort(2, Pdu.Abort.REASON_UNRECOGNIZED_PDU), exchange(port, rq, new byte[] {0x11, 0, 0, 0, 0, 0}));
            // established, then P-DATA larger than the 64 KiB we announced
            assertEquals(new Pdu.Abort(2, Pdu.Abort.REASON_INVALID_PARAMETER), exchange(port, rq, new byte[] {4, 0, 0, 2, 0, 0}));
            // established, then a command on a presentation context that does not exist: DIMSE-level abort
            byte[] wrongContext = PduWriter.encode(new Pdu.PDataTf(List.of(new cn.yunying.dicom.net.pdu.Pdv(9, true, true, new byte[8]))));
            assertInstanceOf(Pdu.Abort.class, exchange(port, rq, wrongContext));
            try (Association as = DicomClient.connect("127.0.0.1", port, new AssociationRequestSpec("TESTSCP").addContext(UID.VERIFICATION))) {
                as.echo();
            }
            waitUntil(() -> server.server.openAssociations() == 0);
        }
    }

    @Test
    void protocolVersionWithoutBit0IsRejectedByTheAcse() throws Exception {
        AssociateData d = echoRequest().data();
        Pdu.AssociateRq v2 = new Pdu.AssociateRq(new AssociateData(2, d.calledAe(), d.callingAe(), d.applicationContext(),
                d.presentationContexts(), d.userInfo()));
        try (TestServer server = new TestServer(quickConfig(), new MemoryProvider())) {
            assertEquals(new Pdu.AssociateRj(1, 2, 2), exchange(server.port(), PduWriter.encode(v2)));
        }
    }

    @Test
    void artimClosesASilentConnection() throws Exception {
        try (TestServer server = new TestServer(quickConfig(), new MemoryProvider()); Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(5000);
            long t0 = System.nanoTime();
            assertEquals(-1, s.getInputStream().read());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms >= 300 && ms < 4000, "closed after " + ms + " ms");
        }
    }

    @Test
    void peerAbortEndsTheSessionOnly() throws Exception {
        try (TestServer server = new TestServer(quickConfig(), new MemoryProvider())) {
            byte[] rq = PduWriter.encode(echoRequest());
            assertNull(exchange(server.port(), rq, PduWriter.encode(new Pdu.Abort(0, 0))));
            waitUntil(() -> server.server.openAssociations() == 0);
            try (Association as = DicomClient.connect("127.0.0.1", server.port(), new AssociationRequestSpec("TESTSCP").addContext(UID.VERIFICATION))) {
                as.echo();
            }
        }
    }

    @Test
    void releaseCollisionAsRequestor() throws Exception {
        try (ServerSocket fake = new ServerSocket(0)) {
            CompletableFuture<List<Pdu>> peer = CompletableFuture.supplyAsync(() -> {
                try (Socket s = fake.accept()) {
                    s.setSoTimeout(5000);
                    PduReader r = new PduReader(s.getInputStream(), 1 << 20, 1 << 20);
                    Pdu.AssociateRq rq = (Pdu.AssociateRq) r.read();
                    AssociateData ac = new AssociateData(1, rq.data().calledAe(), rq.data().callingAe(),
                            AssociateData.DICOM_APPLICATION_CONTEXT, List.of(PresentationContext.accepted(1, UID.IMPLICIT_VR_LITTLE_ENDIAN)),
                            UserInfo.basic(16384, "1.2.3", null));
                    PduWriter.write(new Pdu.AssociateAc(ac), s.getOutputStream());
                    Pdu first = r.read(); // our A-RELEASE-RQ
                    PduWriter.write(new Pdu.ReleaseRq(), s.getOutputStream()); // the collision
                    Pdu second = r.read(); // requestor answers first (AR-9)
                    PduWriter.write(new Pdu.ReleaseRp(), s.getOutputStream());
                    InputStream in = s.getInputStream();
                    int eof = in.read(); // the requestor closes the transport (AR-3)
                    return List.of(first, second, new Pdu.Abort(eof, 0));
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            Association as = DicomClient.connect("127.0.0.1", fake.getLocalPort(),
                    new AssociationRequestSpec("FAKE").addContext(UID.VERIFICATION, UID.IMPLICIT_VR_LITTLE_ENDIAN));
            as.release();
            List<Pdu> seen = peer.get(10, TimeUnit.SECONDS);
            assertEquals(new Pdu.ReleaseRq(), seen.get(0));
            assertEquals(new Pdu.ReleaseRp(), seen.get(1));
            assertEquals(-1, ((Pdu.Abort) seen.get(2)).source());
            assertTrue(!as.isOpen());
        }
    }

    @Test
    void abortWhileAwaitingTheAssociateAcceptance() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            CompletableFuture<Pdu> peer = CompletableFuture.supplyAsync(() -> {
                try (Socket s = silent.accept()) {
                    s.setSoTimeout(5000);
                    PduReader r = new PduReader(s.getInputStream(), 1 << 20, 1 << 20);
                    r.read(); // the A-ASSOCIATE-RQ, never answered
                    return r.read();
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            AssociationRequestSpec spec = new AssociationRequestSpec("SILENT").addContext(UID.VERIFICATION)
                    .timeouts(Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofSeconds(2));
            assertThrows(AssociationAbortedException.class, () -> DicomClient.connect("127.0.0.1", silent.getLocalPort(), spec));
            assertEquals(new Pdu.Abort(0, 0), peer.get(10, TimeUnit.SECONDS));
        }
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached in 10 s");
            }
            Thread.sleep(20);
        }
    }
}
