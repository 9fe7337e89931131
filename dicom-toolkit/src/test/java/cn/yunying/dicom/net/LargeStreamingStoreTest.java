package cn.yunying.dicom.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yunying.dicom.data.UID;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A 300 MB C-STORE through our SCU and SCP in a JVM limited to 256 MB of heap (the "large" surefire
 * execution): neither side may hold the object. The provider reads the stream in small chunks and
 * checks every byte, so the object also arrives intact.
 */
@Tag("large")
@Timeout(120)
class LargeStreamingStoreTest {
    static final long PIXELS = 300L << 20;

    @Test
    void threeHundredMegabytesAreStreamedNotBuffered() throws Exception {
        long heap = Runtime.getRuntime().maxMemory();
        assertTrue(heap < PIXELS, "this test is meaningful only with a heap smaller than the object: " + heap);
        GeneratedObject object = new GeneratedObject("1.2.300.1", PIXELS);
        int headerLength = object.headerLength();
        AtomicLong received = new AtomicLong();
        AtomicLong mismatches = new AtomicLong();
        AtomicLong largestRead = new AtomicLong();
        DicomServiceProvider counting = new DicomServiceProvider() {
            @Override
            public int onStore(StoreRequest request, InputStream dataSet) throws java.io.IOException {
                byte[] chunk = new byte[64 * 1024];
                long pos = 0;
                for (int n; (n = dataSet.read(chunk)) > 0; ) {
                    largestRead.accumulateAndGet(n, Math::max);
                    for (int i = 0; i < n; i++, pos++) {
                        if (pos >= headerLength && chunk[i] != GeneratedObject.pixel(pos - headerLength)) {
                            mismatches.incrementAndGet();
                        }
                    }
                }
                received.set(pos);
                return Status.SUCCESS;
            }
        };
        try (TestServer s = new TestServer(counting);
             Association as = DicomClient.connect("127.0.0.1", s.port(),
                     new AssociationRequestSpec("TESTSCP").addContext(UID.SECONDARY_CAPTURE_IMAGE_STORAGE, UID.EXPLICIT_VR_LITTLE_ENDIAN))) {
            assertEquals(Status.SUCCESS, as.store(UID.SECONDARY_CAPTURE_IMAGE_STORAGE, "1.2.300.1", UID.EXPLICIT_VR_LITTLE_ENDIAN, object));
        }
        assertEquals(object.length(), received.get());
        assertEquals(0, mismatches.get());
        assertTrue(largestRead.get() <= 64 * 1024);
    }
}
