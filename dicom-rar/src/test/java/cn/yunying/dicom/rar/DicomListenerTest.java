package cn.yunying.dicom.rar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.spi.work.ExecutionContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DicomListenerTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final WorkManager workManager = new ThreadWorkManager(threads);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void answersAnAssociateRequestWithAPermanentRejectAndKeepsServing() throws Exception {
        DicomListener listener = DicomListener.bind(new ListenerSettings("YUNYING", "127.0.0.1", 0), workManager);
        workManager.scheduleWork(listener);
        try {
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(AssociationRejector.ASSOCIATE_RJ, exchange(listener.localPort(), (byte) 0x01));
            }
            assertArrayEquals(AssociationRejector.ABORT, exchange(listener.localPort(), (byte) 0x04));
        } finally {
            listener.release();
        }
    }

    @Test
    void releaseClosesThePort() throws Exception {
        DicomListener listener = DicomListener.bind(new ListenerSettings("YUNYING", "127.0.0.1", 0), workManager);
        workManager.scheduleWork(listener);
        int port = listener.localPort();
        listener.release();
        // Binding the same port again proves it was released. (Connecting to it is no proof: on loopback a client
        // socket can be given that very ephemeral port and "connect" to itself by TCP simultaneous open.)
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress("127.0.0.1", port));
            assertEquals(port, again.getLocalPort());
        }
    }

    @Test
    void aPortInUseIsReportedWithTheSettingsName() throws Exception {
        DicomListener first = DicomListener.bind(new ListenerSettings("YUNYING", "127.0.0.1", 0), workManager);
        try {
            BindException e = assertThrows(BindException.class, () -> DicomListener.bind(
                    new ListenerSettings("YUNYING", "127.0.0.1", first.localPort()), workManager));
            assertTrue(e.getMessage().contains("yunying.dicom.port"), e.getMessage());
            assertTrue(e.getMessage().contains(Integer.toString(first.localPort())), e.getMessage());
        } finally {
            first.release();
        }
    }

    @Test
    void systemPropertyBeatsEnvironmentBeatsDeploymentDefault() {
        Map<String, String> env = Map.of("YUNYING_DICOM_PORT", "104", "YUNYING_DICOM_AET", "ENV_AET");
        ListenerSettings fromEnv = ListenerSettings.resolve("YUNYING", "0.0.0.0", 11112, key -> null, env);
        assertEquals(104, fromEnv.port());
        assertEquals("ENV_AET", fromEnv.aeTitle());
        ListenerSettings fromProperty = ListenerSettings.resolve("YUNYING", "0.0.0.0", 11112,
                key -> key.equals("yunying.dicom.port") ? "2104" : null, env);
        assertEquals(2104, fromProperty.port());
        ListenerSettings defaults = ListenerSettings.resolve("YUNYING", "0.0.0.0", 11112, key -> null, Map.of());
        assertEquals(new ListenerSettings("YUNYING", "0.0.0.0", 11112), defaults);
    }

    @Test
    void aBadPortSettingIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ListenerSettings.resolve(
                "YUNYING", "0.0.0.0", 11112, key -> null, Map.of("YUNYING_DICOM_PORT", "eleven")));
        assertTrue(e.getMessage().contains("yunying.dicom.port"));
    }

    private static byte[] exchange(int port, byte pduType) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(new byte[] {pduType, 0, 0, 0, 0, 0});
            byte[] answer = new byte[10];
            new DataInputStream(socket.getInputStream()).readFully(answer);
            assertEquals(-1, socket.getInputStream().read(), "the listener closes after answering");
            return answer;
        }
    }

    /** The part of a WorkManager the listener uses, on plain threads. */
    private record ThreadWorkManager(ExecutorService threads) implements WorkManager {
        @Override
        public void doWork(Work work) {
            work.run();
        }

        @Override
        public void doWork(Work work, long timeout, ExecutionContext ctx, WorkListener listener) {
            work.run();
        }

        @Override
        public long startWork(Work work) {
            threads.execute(work);
            return 0;
        }

        @Override
        public long startWork(Work work, long timeout, ExecutionContext ctx, WorkListener listener) {
            return startWork(work);
        }

        @Override
        public void scheduleWork(Work work) {
            threads.execute(work);
        }

        @Override
        public void scheduleWork(Work work, long timeout, ExecutionContext ctx, WorkListener listener) {
            threads.execute(work);
        }
    }
}
