package cn.yunying.dicom.net;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs DCMTK tools as real peers. Missing DCMTK fails the interop tests: they are part of the suite, never
 * optional.
 */
final class Dcmtk {
    /** Where the DCMTK tools are; {@code -Dyunying.dcmtk.bin=DIR} points elsewhere. */
    static final Path BIN = Path.of(System.getProperty("yunying.dcmtk.bin", "/usr/bin"));

    private Dcmtk() {
    }

    static void require(String... tools) {
        for (String t : tools) {
            if (!Files.isExecutable(BIN.resolve(t))) {
                fail("DCMTK tool " + t + " not found in " + BIN + " (bin/verify installs it: apt-get install dcmtk)");
            }
        }
    }

    record Result(int exit, String output) {
    }

    /** Runs a tool to completion (TCP_NODELAY=1 as our DCMTK test setup requires). */
    static Result run(Path workDir, String... command) throws IOException, InterruptedException {
        Process p = start(workDir, command);
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + " did not finish");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    static Process start(Path workDir, String... command) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(command));
        cmd.set(0, BIN.resolve(cmd.get(0)).toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).directory(workDir.toFile());
        pb.environment().put("TCP_NODELAY", "1");
        return pb.start();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void awaitPort(int port, Process p) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                fail("peer exited with " + p.exitValue() + " before listening on " + port);
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        fail("nothing listens on " + port);
    }
}
