package cn.yunying.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yunying.dicom.data.UID;
import cn.yunying.dicom.net.Association;
import cn.yunying.dicom.net.AssociationRequestSpec;
import cn.yunying.dicom.net.DicomClient;
import cn.yunying.dicom.net.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The archive under the conditions of a real region: many modalities at once, and links that break in the middle of
 * a large object. Nothing half-received may be kept or indexed, and the listener must go on serving.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DicomRobustnessIT {

    private static final String CLINIC1 = "CLINIC1_CT";
    private static final long HUNDRED_MB = 100L << 20;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return YunyingEar.fromBuild();
    }

    @Test
    void anAssociationAbortedInTheMiddleOfA100MbObjectLeavesNothingBehind() throws Exception {
        String uid = DicomObjects.uid();
        long filesBefore = storedFiles();
        Association association = connect();
        InputStream abortingAt20Mb = new ObjectStream(uid, HUNDRED_MB, 20L << 20, association::abort);
        assertThrows(IOException.class, () -> association.store(UID.SECONDARY_CAPTURE_IMAGE_STORAGE, uid,
                UID.EXPLICIT_VR_LITTLE_ENDIAN, abortingAt20Mb));
        // the server sees the abort asynchronously: give it a moment to clean up, then look
        for (int i = 0; i < 50 && storedFiles() != filesBefore; i++) {
            Thread.sleep(100);
        }
        assertEquals(filesBefore, storedFiles(), "no partial file is left in the storage folder");
        assertNull(YunyingEar.indexedBy(uid), "nothing was indexed");
        try (Association next = connect()) {
            next.echo();
            next.release();
        }
    }

    @Test
    void fiftyModalitiesStoreAtTheSameTimeAndEveryAcknowledgedObjectIsIndexed() throws Exception {
        int modalities = 50;
        Path folder = Files.createTempDirectory("yunying-concurrent");
        List<String> uids = new ArrayList<>();
        for (int i = 0; i < modalities; i++) {
            String uid = DicomObjects.uid();
            uids.add(uid);
            Files.write(folder.resolve(i + ".dcm"), DicomObjects.object("ISO_IR 192", "李^" + i, "CONC-" + i,
                    DicomObjects.uid(), DicomObjects.uid(), uid, "CT", "20250302", "concurrent"));
        }
        ExecutorService threads = Executors.newFixedThreadPool(modalities);
        CountDownLatch allConnected = new CountDownLatch(modalities);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < modalities; i++) {
                Path file = folder.resolve(i + ".dcm");
                statuses.add(threads.submit(() -> {
                    try (Association association = connect()) {
                        allConnected.countDown();
                        assertTrue(allConnected.await(60, TimeUnit.SECONDS), "all 50 associations open at once");
                        int status = association.store(file);
                        association.release();
                        return status;
                    }
                }));
            }
            for (Future<Integer> status : statuses) {
                assertEquals(Status.SUCCESS, status.get(120, TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdownNow();
        }
        for (String uid : uids) {
            assertNotNull(YunyingEar.indexedBy(uid), uid + " acknowledged and indexed");
        }
    }

    private static Association connect() throws IOException {
        return DicomClient.connect("127.0.0.1", YunyingEar.DICOM_PORT, new AssociationRequestSpec("YUNYING")
                .callingAe(CLINIC1).addContext(UID.VERIFICATION)
                .addContext(UID.SECONDARY_CAPTURE_IMAGE_STORAGE, UID.EXPLICIT_VR_LITTLE_ENDIAN));
    }

    private static long storedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of(System.getProperty("it.storage")))) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    /**
     * An Explicit VR Little Endian secondary-capture data set whose pixel data is {@code pixelBytes} long, generated
     * as it is read; after {@code breakAfter} bytes it runs {@code breakLink} and fails, as a broken link would.
     */
    private static final class ObjectStream extends InputStream {
        private final byte[] header;
        private final long total;
        private final long breakAfter;
        private final Runnable breakLink;
        private long position;

        ObjectStream(String uid, long pixelBytes, long breakAfter, Runnable breakLink) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            element(out, 0x0008, 0x0016, "UI", UID.SECONDARY_CAPTURE_IMAGE_STORAGE);
            element(out, 0x0008, 0x0018, "UI", uid);
            element(out, 0x0010, 0x0020, "LO", "ABORT-TEST");
            element(out, 0x0020, 0x000D, "UI", uid + ".1");
            element(out, 0x0020, 0x000E, "UI", uid + ".2");
            out.write(new byte[] {(byte) 0xE0, 0x7F, 0x10, 0x00, 'O', 'B', 0, 0});
            out.write(new byte[] {(byte) pixelBytes, (byte) (pixelBytes >> 8), (byte) (pixelBytes >> 16),
                    (byte) (pixelBytes >> 24)});
            this.header = out.toByteArray();
            this.total = header.length + pixelBytes;
            this.breakAfter = breakAfter;
            this.breakLink = breakLink;
        }

        private static void element(ByteArrayOutputStream out, int group, int element, String vr, String value)
                throws IOException {
            byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
            int length = bytes.length + (bytes.length % 2);
            out.write(new byte[] {(byte) group, (byte) (group >> 8), (byte) element, (byte) (element >> 8),
                    (byte) vr.charAt(0), (byte) vr.charAt(1), (byte) length, (byte) (length >> 8)});
            out.write(bytes);
            if (length != bytes.length) {
                out.write(vr.equals("UI") ? 0 : ' ');
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (position >= breakAfter) {
                breakLink.run();
                throw new IOException("the link broke (test)");
            }
            if (position >= total) {
                return -1;
            }
            int n = (int) Math.min(length, Math.min(total, breakAfter) - position);
            for (int i = 0; i < n; i++) {
                long at = position + i;
                buffer[offset + i] = at < header.length ? header[(int) at] : (byte) at;
            }
            position += n;
            return n;
        }
    }
}
