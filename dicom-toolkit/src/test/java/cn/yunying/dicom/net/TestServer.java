package cn.yunying.dicom.net;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A DicomServer on an ephemeral loopback port, serving on its own threads, for tests. */
final class TestServer implements AutoCloseable {
    final DicomServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-scp");
        t.setDaemon(true);
        return t;
    });

    TestServer(ServerConfig config, DicomServiceProvider provider) throws IOException {
        server = DicomServer.bind(config, provider, pool);
        Thread accept = new Thread(() -> {
            try {
                server.serve();
            } catch (IOException e) {
                // closed
            }
        }, "test-accept");
        accept.setDaemon(true);
        accept.start();
    }

    TestServer(DicomServiceProvider provider) throws IOException {
        this(ServerConfig.builder("TESTSCP").bindAddress("127.0.0.1").build(), provider);
    }

    int port() {
        return server.localPort();
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }
}
