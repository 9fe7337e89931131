package cn.yunying.dicom.tool;

import cn.yunying.dicom.net.DicomServer;
import cn.yunying.dicom.net.DicomServiceProvider;
import cn.yunying.dicom.net.ServerConfig;
import cn.yunying.dicom.net.Status;
import cn.yunying.dicom.net.StoreRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code dicom listen}: a storage SCP (and C-ECHO) writing every object it receives as a Part 10 file
 * named by its SOP Instance UID (fsynced before it is renamed into place unless {@code --no-fsync}).
 * Accepts any calling AE; runs until killed.
 */
final class ListenCommand implements Command {
    static final Set<String> VALUES = NetOptions.with(NetOptions.TLS_VALUES, "--port", "--dir", "--aet", "--bind",
            "--max-pdu");
    static final Set<String> FLAGS = Set.of("--tls", "--no-fsync", "--verbose");
    private final CountDownLatch bound = new CountDownLatch(1);
    private volatile DicomServer server;

    @Override
    public String name() {
        return "listen";
    }

    @Override
    public String summary() {
        return "storage SCP: write received objects to a folder (runs until killed)";
    }

    @Override
    public String usage() {
        return "--port P --dir D [--aet A] [--bind ADDRESS] [--max-pdu BYTES] [--no-fsync] [--verbose] " + NetOptions.TLS_USAGE;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        NetOptions o = new NetOptions(args, VALUES, FLAGS);
        if (!o.positional().isEmpty()) {
            throw new UsageException("unexpected argument " + o.positional().get(0));
        }
        Path dir = Path.of(o.require("--dir"));
        Files.createDirectories(dir);
        ServerConfig.Builder config = ServerConfig.builder(o.get("--aet", "YUNYING")).port(o.integer("--port", -1, 0, 65535))
                .bindAddress(o.get("--bind", null))
                .maxPduLength(o.integer("--max-pdu", 64 * 1024, 1024, 16 << 20));
        boolean durable = !o.has("--no-fsync");
        // one line per object only on request (like storescp -v): a shared, flushed stream costs every object a
        // write and makes concurrent associations queue for its lock
        boolean verbose = o.has("--verbose");
        if (o.has("--tls")) {
            config.tls(o.tls(), false);
        }
        DicomServiceProvider provider = new DicomServiceProvider() {
            @Override
            public int onStore(StoreRequest request, InputStream dataSet) throws IOException {
                Path written = Part10Writer.write(dir, request, dataSet, durable);
                if (!verbose) {
                    return Status.SUCCESS;
                }
                synchronized (out) {
                    out.println("stored " + written.getFileName() + " from " + request.association().callingAe());
                    out.flush();
                }
                return Status.SUCCESS;
            }
        };
        ExecutorService pool = Executors.newCachedThreadPool();
        try (DicomServer s = DicomServer.bind(config.build(), provider, pool)) {
            server = s;
            out.println("listening on port " + s.localPort() + ", writing to " + dir);
            out.flush();
            bound.countDown();
            s.serve();
        } finally {
            bound.countDown();
            pool.shutdownNow();
        }
        return DicomCli.OK;
    }

    /** For tests running the command in-process: waits until bound and returns the server (null if binding failed). */
    DicomServer awaitServer() throws InterruptedException {
        bound.await();
        return server;
    }
}
