package cn.yunying.dicom.net;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yunying.dicom.data.UID;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * An application that fails in an unexpected way (a class missing in a container, a bug) costs the peer its
 * association, answered at once, never a silent wait; and the server goes on serving the next peer.
 */
class ProviderFailureTest {

    @Test
    void aLinkageErrorInTheProviderAbortsThatAssociationOnlyAndTheServerKeepsServing() throws Exception {
        AtomicBoolean broken = new AtomicBoolean(true);
        DicomServiceProvider provider = new DicomServiceProvider() {
            @Override
            public AssociationDecision onAssociationRequest(AssociationInfo info) {
                if (broken.getAndSet(false)) {
                    throw new NoClassDefFoundError("jdk/net/Missing");
                }
                return AssociationDecision.accept();
            }
        };
        try (TestServer server = new TestServer(provider)) {
            long started = System.nanoTime();
            assertThrows(IOException.class, () -> DicomClient.connect("127.0.0.1", server.port(), spec()).echo());
            assertTrue(System.nanoTime() - started < 5_000_000_000L,
                    "the peer is told at once, not left to its own timeout");
            try (Association next = DicomClient.connect("127.0.0.1", server.port(), spec())) {
                next.echo();
                next.release();
            }
        }
    }

    private static AssociationRequestSpec spec() {
        return new AssociationRequestSpec("TESTSCP").callingAe("PEER").addContext(UID.VERIFICATION);
    }
}
