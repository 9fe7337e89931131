package cn.yunying.dicom.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yunying.dicom.data.UID;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The requestor aborts in the middle of a large object: the provider's stream fails, the server goes on. */
@Timeout(60)
class AbortMidStreamTest {

    @Test
    void providerStreamThrowsAndServerKeepsServing() throws Exception {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        CompletableFuture<Long> bytesBeforeFailure = new CompletableFuture<>();
        DicomServiceProvider reader = new DicomServiceProvider() {
            @Override
            public int onStore(StoreRequest request, InputStream dataSet) {
                long n = 0;
                byte[] b = new byte[8192];
                try {
                    for (int r; (r = dataSet.read(b)) > 0; ) {
                        n += r;
                    }
                    outcome.complete(null);
                    return Status.SUCCESS;
                } catch (IOException e) {
                    bytesBeforeFailure.complete(n);
                    outcome.complete(e);
                    return Status.OUT_OF_RESOURCES;
                }
            }
        };
        try (TestServer s = new TestServer(reader)) {
            AssociationRequestSpec spec = new AssociationRequestSpec("TESTSCP")
                    .addContext(UID.SECONDARY_CAPTURE_IMAGE_STORAGE, UID.EXPLICIT_VR_LITTLE_ENDIAN).addContext(UID.VERIFICATION);
            Association as = DicomClient.connect("127.0.0.1", s.port(), spec);
            GeneratedObject object = new GeneratedObject("1.2.400.1", 200L << 20) {
                @Override
                void beforeReturning(long position) throws IOException {
                    if (position > (8L << 20)) {
                        as.abort();
                        throw new IOException("user aborted");
                    }
                }
            };
            assertThrows(IOException.class,
                    () -> as.store(UID.SECONDARY_CAPTURE_IMAGE_STORAGE, "1.2.400.1", UID.EXPLICIT_VR_LITTLE_ENDIAN, object));
            Throwable t = outcome.get(20, TimeUnit.SECONDS);
            assertInstanceOf(IOException.class, t, "the provider's stream must fail, not end normally");
            long got = bytesBeforeFailure.get();
            assertTrue(got > 0 && got < (200L << 20), "read " + got + " bytes before the failure");
            UpperLayerWireTest.waitUntil(() -> s.server.openAssociations() == 0);
            try (Association again = DicomClient.connect("127.0.0.1", s.port(), spec)) {
                again.echo();
            }
            assertEquals(false, as.isOpen());
        }
    }
}
