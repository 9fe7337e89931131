package cn.yunying.dicom.rar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yunying.dicom.data.UID;
import cn.yunying.dicom.net.AssociationRequestSpec;
import cn.yunying.dicom.net.DicomConnection;
import cn.yunying.dicom.net.DicomServer;
import cn.yunying.dicom.net.DicomServiceProvider;
import cn.yunying.dicom.net.ServerConfig;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ManagedConnection;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbound pool's contract with the container, against a live DICOM server: a closed handle gives its open
 * association back for reuse, a broken one is reported so that it is destroyed, and only an equal request reuses it.
 */
class DicomManagedConnectionFactoryTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final DicomManagedConnectionFactory factory = new DicomManagedConnectionFactory();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private DicomServer peer;

    @BeforeEach
    void startPeer() throws IOException {
        peer = DicomServer.bind(ServerConfig.builder("PEER").bindAddress("127.0.0.1").build(),
                new DicomServiceProvider() { }, threads);
        threads.execute(() -> {
            try {
                peer.serve();
            } catch (IOException ignored) {
                // closed at the end of the test
            }
        });
    }

    @AfterEach
    void stopPeer() {
        peer.close();
        threads.shutdownNow();
    }

    @Test
    void aClosedHandleReturnsTheOpenAssociationForTheNextEqualRequest() throws Exception {
        RemoteAeRequest request = request("PEER");
        ManagedConnection pooled = factory.createManagedConnection(null, request);
        pooled.addConnectionEventListener(recorder());
        DicomConnection first = (DicomConnection) pooled.getConnection(null, request);
        first.echo();
        first.close();
        assertEquals(List.of("closed"), events);
        pooled.cleanup();

        assertSame(pooled, factory.matchManagedConnections(Set.of(pooled), null, request("PEER")),
                "an equal request reuses the open association");
        assertNull(factory.matchManagedConnections(Set.of(pooled), null, request("OTHER")),
                "a request for another AE does not");
        DicomConnection second = (DicomConnection) pooled.getConnection(null, request);
        second.echo();
        assertEquals(1, peer.openAssociations(), "both callers used one association");
        assertThrows(IOException.class, first::echo, "a closed handle cannot be used any more");
        second.close();
        pooled.destroy();
    }

    @Test
    void aBrokenAssociationIsReportedAndNoLongerMatches() throws Exception {
        RemoteAeRequest request = request("PEER");
        ManagedConnection pooled = factory.createManagedConnection(null, request);
        pooled.addConnectionEventListener(recorder());
        DicomConnection connection = (DicomConnection) pooled.getConnection(null, request);
        peer.close();
        assertThrows(IOException.class, connection::echo);
        assertEquals(List.of("error"), events);
        assertNull(factory.matchManagedConnections(Set.of(pooled), null, request));
        pooled.destroy();
    }

    @Test
    void anUnreachablePeerIsAResourceError() {
        ResourceException e = assertThrows(ResourceException.class, () -> factory.createManagedConnection(null,
                new RemoteAeRequest("127.0.0.1", 1, new AssociationRequestSpec("NOBODY")
                        .addContext(UID.VERIFICATION))));
        assertTrue(e.getMessage().contains("NOBODY"), e.getMessage());
    }

    private RemoteAeRequest request(String calledAe) {
        return new RemoteAeRequest("127.0.0.1", peer.localPort(), new AssociationRequestSpec(calledAe)
                .callingAe("YUNYING").addContext(UID.VERIFICATION));
    }

    private ConnectionEventListener recorder() {
        return new ConnectionEventListener() {
            @Override
            public void connectionClosed(ConnectionEvent event) {
                events.add("closed");
            }

            @Override
            public void localTransactionStarted(ConnectionEvent event) {
            }

            @Override
            public void localTransactionCommitted(ConnectionEvent event) {
            }

            @Override
            public void localTransactionRolledback(ConnectionEvent event) {
            }

            @Override
            public void connectionErrorOccurred(ConnectionEvent event) {
                events.add("error");
            }
        };
    }
}
