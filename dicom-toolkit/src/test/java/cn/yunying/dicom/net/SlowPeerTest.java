package cn.yunying.dicom.net;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yunying.dicom.data.UID;
import cn.yunying.dicom.net.pdu.PduWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Slow-loris peers: each byte arrives well within the timeout, but the PDU never completes. The timeouts
 * bound the whole PDU, not each read, so the server closes the connection and keeps serving others
 * meanwhile. Scaled down: ARTIM and idle timeout of 1 s and a byte every 400 ms (one every few seconds
 * against the default 10 s ARTIM behaves the same, only slower).
 */
@Timeout(60)
class SlowPeerTest {
    static final long BYTE_EVERY_MS = 400;

    static ServerConfig config() {
        return ServerConfig.builder("TESTSCP").bindAddress("127.0.0.1").artimTimeout(Duration.ofSeconds(1))
                .idleTimeout(Duration.ofSeconds(1)).build();
    }

    /**
     * Trickles {@code bytes} one at a time after sending {@code prefix} at once; returns how many of the
     * trickled bytes were written before the server closed the connection (all of them: it never did).
     */
    static int trickle(int port, byte[] prefix, byte[] bytes) throws IOException, InterruptedException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setTcpNoDelay(true);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write(prefix);
            for (int i = 0; i < bytes.length; i++) {
                try {
                    out.write(bytes[i]);
                    out.flush();
                } catch (IOException e) {
                    return i; // reset: the server closed
                }
                Thread.sleep(BYTE_EVERY_MS);
                // drain what the server sent (an A-ASSOCIATE-AC, an A-ABORT); end of stream = closed
                while (in.available() > 0) {
                    if (in.read() < 0) {
                        return i + 1;
                    }
                }
                s.setSoTimeout(1);
                try {
                    if (in.read() < 0) {
                        return i + 1;
                    }
                } catch (java.net.SocketTimeoutException e) {
                    // still open
                } catch (IOException e) {
                    return i + 1;
                }
            }
            return bytes.length;
        }
    }

    static void echo(int port) throws IOException {
        try (Association as = DicomClient.connect("127.0.0.1", port, new AssociationRequestSpec("TESTSCP").addContext(UID.VERIFICATION))) {
            as.echo();
        }
    }

    @Test
    void aTrickledAssociateRequestIsClosedByArtim() throws Exception {
        byte[] rq = PduWriter.encode(UpperLayerWireTest.echoRequest());
        try (TestServer server = new TestServer(config(), new MemoryProvider())) {
            CompletableFuture<Integer> loris = CompletableFuture.supplyAsync(() -> {
                try {
                    return trickle(server.port(), new byte[0], rq);
                } catch (IOException | InterruptedException e) {
                    throw new RuntimeException(e);
                }
            });
            Thread.sleep(2 * BYTE_EVERY_MS);
            echo(server.port()); // served while the slow peer is connected
            int written = loris.get(40, TimeUnit.SECONDS);
            // 1 s of ARTIM lets about 3 bytes through; the request is ~120 bytes long
            assertTrue(written < rq.length / 2, "the server read " + written + " of " + rq.length + " trickled bytes before closing");
            echo(server.port());
            UpperLayerWireTest.waitUntil(() -> server.server.openAssociations() == 0);
        }
    }

    @Test
    void aTrickledPDataOnAnEstablishedAssociationIsEndedByTheIdleTimeout() throws Exception {
        byte[] rq = PduWriter.encode(UpperLayerWireTest.echoRequest());
        byte[] pdata = new byte[200];
        pdata[0] = 4;
        pdata[5] = (byte) 194; // P-DATA-TF of 194 bytes, trickled
        try (TestServer server = new TestServer(config(), new MemoryProvider())) {
            int written = trickle(server.port(), rq, pdata);
            assertTrue(written < pdata.length / 2, "the server read " + written + " of " + pdata.length + " trickled bytes before closing");
            echo(server.port());
            UpperLayerWireTest.waitUntil(() -> server.server.openAssociations() == 0);
        }
    }
}
