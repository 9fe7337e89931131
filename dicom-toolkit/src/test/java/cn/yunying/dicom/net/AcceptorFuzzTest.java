package cn.yunying.dicom.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cn.yunying.dicom.data.UID;
import cn.yunying.dicom.net.pdu.Pdu;
import cn.yunying.dicom.net.pdu.PduException;
import cn.yunying.dicom.net.pdu.PduReader;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * Feeds PDU streams to a live acceptor over TCP. The regression corpus ({@code src/test/resources/pdu-corpus/}:
 * each {@code NAME.bin} a byte stream, {@code NAME.txt} its expected outcome on the first line) runs in every
 * build; then random mutations of the corpus streams, {@code fuzz.iterations / 10} of them (30 in a normal build,
 * 20,000 with {@code -Pfuzz}; {@code -Dfuzz.seed=N} repeats a run). The server must answer each stream with an
 * A-ABORT or A-ASSOCIATE-RJ or close the connection, always within its timeouts (the client waits at most
 * {@link #HANG} for the end), and still accept a valid association afterwards. A mutated stream that breaks
 * this is written to {@code target/fuzz-failures/}: add it to the corpus once fixed.
 */
@Timeout(600)
class AcceptorFuzzTest {
    /** Longer than any timeout of {@link #config()}: no end of the connection within this is a hang. */
    static final int HANG = 8000;
    private static TestServer server;

    static ServerConfig config() {
        return ServerConfig.builder("TESTSCP").bindAddress("127.0.0.1").artimTimeout(Duration.ofMillis(500))
                .idleTimeout(Duration.ofSeconds(1)).dimseTimeout(Duration.ofSeconds(1)).build();
    }

    @BeforeAll
    static void start() throws IOException {
        server = new TestServer(config(), new MemoryProvider());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        server.close();
    }

    /** What the server sent until it closed: every PDU it sent, in order. */
    record Outcome(List<Pdu> pdus) {
        /** The PDUs after the A-ASSOCIATE-AC, if any. */
        List<Pdu> afterAccept() {
            return !pdus.isEmpty() && pdus.get(0) instanceof Pdu.AssociateAc ? pdus.subList(1, pdus.size()) : pdus;
        }

        Pdu last() {
            List<Pdu> a = afterAccept();
            return a.isEmpty() ? null : a.get(a.size() - 1);
        }
    }

    static final class Hang extends Exception {
        Hang(String message) {
            super(message);
        }
    }

    /**
     * Writes {@code stream} to a fresh connection and reads what comes back until the server closes.
     *
     * @param holdOpen keep our side open after writing (the server must end it by itself); otherwise
     *                 half-close so the server sees the end of the stream
     */
    static Outcome replay(int port, byte[] stream, boolean holdOpen) throws IOException, Hang {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setTcpNoDelay(true);
            s.setSoTimeout(HANG);
            try {
                s.getOutputStream().write(stream);
                s.getOutputStream().flush();
                if (!holdOpen) {
                    s.shutdownOutput();
                }
            } catch (IOException e) {
                // the server may already have aborted and closed: what it sent is still to be read
            }
            PduReader reader = new PduReader(s.getInputStream(), 1 << 20, 1 << 20);
            List<Pdu> got = new ArrayList<>();
            while (true) {
                try {
                    Pdu p = reader.read();
                    if (p == null) {
                        return new Outcome(got);
                    }
                    got.add(p);
                } catch (SocketTimeoutException e) {
                    throw new Hang("the server neither answered nor closed within " + HANG + " ms, after " + got);
                } catch (PduException e) {
                    throw new AssertionError("the server sent a malformed PDU after " + got, e);
                } catch (IOException e) {
                    return new Outcome(got); // reset or EOF inside a PDU: closed
                }
            }
        }
    }

    static Path corpusDir() throws URISyntaxException {
        return Path.of(AcceptorFuzzTest.class.getResource("/pdu-corpus").toURI());
    }

    static List<Path> corpus() throws IOException, URISyntaxException {
        try (Stream<Path> s = Files.list(corpusDir())) {
            return s.filter(p -> p.getFileName().toString().endsWith(".bin")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> corpusReplaysAgainstALiveServer() throws Exception {
        List<Path> files = corpus();
        assertTrue(files.size() >= 20, "corpus of " + files.size() + " files");
        Stream<DynamicTest> cases = files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            String name = f.getFileName().toString().replaceFirst("\\.bin$", "");
            List<String> txt = Files.readAllLines(f.resolveSibling(name + ".txt"), StandardCharsets.UTF_8);
            String expect = txt.get(0).replaceFirst("^expect:\\s*", "").trim();
            Outcome o = replay(server.port(), Files.readAllBytes(f), true);
            check(expect, o, name + " (" + txt.get(1) + ")");
        }));
        return Stream.concat(cases, Stream.of(DynamicTest.dynamicTest("still serving", AcceptorFuzzTest::assertStillServing)));
    }

    static void check(String expect, Outcome o, String context) {
        String[] w = expect.split("\\s+");
        Pdu last = o.last();
        switch (w[0]) {
            case "release" -> {
                assertInstanceOf(Pdu.AssociateAc.class, o.pdus().get(0), context);
                assertEquals(new Pdu.ReleaseRp(), last, context + ": " + o.pdus());
            }
            case "abort" -> {
                assertInstanceOf(Pdu.Abort.class, last, context + ": " + o.pdus());
                if (w.length == 3) {
                    assertEquals(new Pdu.Abort(Integer.parseInt(w[1]), Integer.parseInt(w[2])), last, context);
                }
            }
            case "reject" -> assertEquals(new Pdu.AssociateRj(Integer.parseInt(w[1]), Integer.parseInt(w[2]), Integer.parseInt(w[3])),
                    last, context + ": " + o.pdus());
            case "close" -> assertEquals(null, last, context + ": " + o.pdus());
            case "abort-or-close" -> assertTrue(last == null || last instanceof Pdu.Abort, context + ": " + o.pdus());
            default -> fail("unknown expectation '" + expect + "' for " + context);
        }
        // nothing else may follow an A-ABORT or an A-ASSOCIATE-RJ
        for (int i = 0; i < o.pdus().size() - 1; i++) {
            Pdu p = o.pdus().get(i);
            assertFalse(p instanceof Pdu.Abort || p instanceof Pdu.AssociateRj, context + ": PDUs after " + p + ": " + o.pdus());
        }
    }

    static void assertStillServing() throws Exception {
        try (Association as = DicomClient.connect("127.0.0.1", server.port(),
                new AssociationRequestSpec("TESTSCP").addContext(UID.VERIFICATION))) {
            as.echo();
        }
        UpperLayerWireTest.waitUntil(() -> server.server.openAssociations() == 0);
    }

    @Test
    void mutatedStreamsNeverHangTheAcceptor() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        int iterations = Math.max(10, Integer.getInteger("fuzz.iterations", 300) / 10);
        Random random = new Random(seed);
        List<byte[]> seeds = new ArrayList<>();
        for (Path f : corpus()) {
            seeds.add(Files.readAllBytes(f));
        }
        int aborted = 0;
        int accepted = 0;
        for (int i = 0; i < iterations; i++) {
            byte[] stream = mutate(seeds.get(random.nextInt(seeds.size())), random);
            try {
                Outcome o = replay(server.port(), stream, false);
                if (o.last() instanceof Pdu.Abort || o.last() instanceof Pdu.AssociateRj) {
                    aborted++;
                }
                if (!o.pdus().isEmpty() && o.pdus().get(0) instanceof Pdu.AssociateAc) {
                    accepted++;
                }
                if (i % 50 == 49) {
                    // every now and then a valid association in between: the server keeps serving
                    try (Association as = DicomClient.connect("127.0.0.1", server.port(),
                            new AssociationRequestSpec("TESTSCP").addContext(UID.VERIFICATION))) {
                        as.echo();
                    }
                }
            } catch (Hang | IOException | AssertionError e) {
                Path saved = Files.createDirectories(Path.of("target", "fuzz-failures"))
                        .resolve("acceptor-" + seed + "-" + i + ".bin");
                Files.write(saved, stream);
                fail("seed " + seed + ", iteration " + i + ": " + e.getMessage() + " (stream saved as " + saved + ")", e);
            }
        }
        assertTrue(aborted > 0 && accepted > 0, "aborted " + aborted + ", accepted " + accepted + " of " + iterations);
        assertStillServing();
    }

    /** One to three mutations: byte flips, a length field overwritten, truncation, a duplicated or inserted slice. */
    static byte[] mutate(byte[] in, Random r) {
        byte[] b = in.clone();
        int n = 1 + r.nextInt(3);
        for (int k = 0; k < n && b.length > 0; k++) {
            switch (r.nextInt(5)) {
                case 0 -> b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                case 1 -> {
                    // a 16- or 32-bit big-endian length somewhere: PDU, item and PDV lengths are such fields
                    int at = r.nextInt(b.length);
                    int v = switch (r.nextInt(4)) {
                        case 0 -> 0;
                        case 1 -> -1;
                        case 2 -> r.nextInt(1 << 17);
                        default -> r.nextInt();
                    };
                    for (int j = 0; j < 4 && at + j < b.length; j++) {
                        b[at + j] = (byte) (v >>> (24 - 8 * j));
                    }
                }
                case 2 -> b = Arrays.copyOf(b, r.nextInt(b.length));
                case 3 -> {
                    int from = r.nextInt(b.length);
                    int len = Math.min(b.length - from, 1 + r.nextInt(64));
                    byte[] c = new byte[b.length + len];
                    System.arraycopy(b, 0, c, 0, from + len);
                    System.arraycopy(b, from, c, from + len, b.length - from);
                    b = c;
                }
                default -> {
                    int at = r.nextInt(b.length + 1);
                    byte[] junk = new byte[1 + r.nextInt(16)];
                    r.nextBytes(junk);
                    byte[] c = new byte[b.length + junk.length];
                    System.arraycopy(b, 0, c, 0, at);
                    System.arraycopy(junk, 0, c, at, junk.length);
                    System.arraycopy(b, at, c, at + junk.length, b.length - at);
                    b = c;
                }
            }
        }
        return b;
    }
}
