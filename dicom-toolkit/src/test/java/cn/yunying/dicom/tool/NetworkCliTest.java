package cn.yunying.dicom.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yunying.dicom.TestFiles;
import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.UID;
import cn.yunying.dicom.io.DicomFile;
import cn.yunying.dicom.io.DicomFiles;
import cn.yunying.dicom.net.Association;
import cn.yunying.dicom.net.AssociationRequestSpec;
import cn.yunying.dicom.net.DicomClient;
import cn.yunying.dicom.net.DicomServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The network commands of bin/dicom, run in-process against each other. */
@Timeout(60)
class NetworkCliTest {
    @TempDir
    Path tmp;

    record Result(int status, String out, String err) {
    }

    static Result run(CommandRegistry registry, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new DicomCli(registry).run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Result run(String... args) {
        return run(CommandRegistry.standard(), args);
    }

    /** Runs "dicom listen" on a thread; returns the command (to reach its server). */
    private ListenCommand listen(Path dir, String... options) throws InterruptedException {
        return listen(dir, new CompletableFuture<>(), options);
    }

    /** The same, completing {@code result} with what the command printed once its server is closed. */
    private ListenCommand listen(Path dir, CompletableFuture<Result> result, String... options) throws InterruptedException {
        ListenCommand listen = new ListenCommand();
        CommandRegistry registry = new CommandRegistry().register(listen);
        List<String> args = new ArrayList<>(List.of("listen", "--port", "0", "--dir", dir.toString(), "--bind", "127.0.0.1"));
        args.addAll(List.of(options));
        Thread t = new Thread(() -> result.complete(run(registry, args.toArray(new String[0]))));
        t.setDaemon(true);
        t.start();
        listen.awaitServer();
        return listen;
    }

    @Test
    void listenNamesEachObjectOnlyWhenVerbose() throws Exception {
        for (boolean verbose : new boolean[] {false, true}) {
            Path out = tmp.resolve("out-" + verbose);
            CompletableFuture<Result> printed = new CompletableFuture<>();
            DicomServer server = (verbose ? listen(out, printed, "--verbose") : listen(out, printed)).awaitServer();
            try {
                Result send = run("send", "--host", "127.0.0.1", "--port", String.valueOf(server.localPort()), "--aet", "ANY",
                        "--calling-aet", "SENDER", TestFiles.testFile("CT_small.dcm").toString());
                assertEquals(0, send.status(), send.err());
            } finally {
                server.close();
            }
            String iuid = DicomFiles.read(TestFiles.testFile("CT_small.dcm")).dataset().getString(Tag.SOP_INSTANCE_UID);
            assertTrue(Files.isRegularFile(out.resolve(iuid + ".dcm")));
            String lines = printed.get(10, TimeUnit.SECONDS).out();
            assertEquals(verbose, lines.contains("stored " + iuid + ".dcm from SENDER"), lines);
        }
    }

    @Test
    void helpListsTheNetworkCommands() {
        Result help = run("--help");
        for (String c : List.of("echo", "send", "listen", "find", "move", "get")) {
            assertTrue(help.out().contains("  " + c), c);
        }
        assertEquals(0, run("send", "--help").status());
        assertEquals(DicomCli.USAGE_ERROR, run("echo", "--host", "x").status());
        assertEquals(DicomCli.USAGE_ERROR, run("send", "--host", "127.0.0.1", "--port", "1", "--aet", "A").status());
    }

    @Test
    void echoSendAndListen() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in/sub"));
        List<String> names = List.of("CT_small.dcm", "MR_small_implicit.dcm", "JPEG2000.dcm", "SC_rgb_rle.dcm", "rtplan.dcm");
        for (String n : names) {
            Files.copy(TestFiles.testFile(n), in.resolve(n));
        }
        Path out = tmp.resolve("out");
        ListenCommand listen = listen(out);
        DicomServer server = listen.awaitServer();
        try {
            String port = String.valueOf(server.localPort());
            Result echo = run("echo", "--host", "127.0.0.1", "--port", port, "--aet", "ANY");
            assertEquals(0, echo.status(), echo.err());
            assertTrue(echo.out().contains("succeeded"));
            Result send = run("send", "--host", "127.0.0.1", "--port", port, "--aet", "ANY", "--associations", "2",
                    tmp.resolve("in").toString());
            assertEquals(0, send.status(), send.err());
            assertTrue(send.out().startsWith("sent 5 of 5 files (0 failed)"), send.out());

            Files.writeString(in.resolve("notes.txt"), "not DICOM");
            Result partly = run("send", "--host", "127.0.0.1", "--port", port, "--aet", "ANY", tmp.resolve("in").toString());
            assertEquals(DicomCli.INPUT_ERROR, partly.status());
            assertTrue(partly.out().startsWith("sent 5 of 6 files (1 failed)"), partly.out());
        } finally {
            server.close();
        }
        for (String n : names) {
            DicomFile original = DicomFiles.read(TestFiles.testFile(n));
            String iuid = original.dataset().getString(Tag.SOP_INSTANCE_UID);
            DicomFile written = DicomFiles.read(out.resolve(iuid + ".dcm"));
            assertEquals(original.transferSyntax().uid(), written.transferSyntax().uid(), n);
            assertEquals(original.dataset(), written.dataset(), n);
            assertEquals(iuid, written.fileMetaInformation().getString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--verbose", "--no-fsync"}) // durable (temp file, rename) and in place
    void anAbortedStoreLeavesNoFile(String mode) throws Exception {
        Path out = tmp.resolve("out");
        ListenCommand listen = listen(out, mode);
        DicomServer server = listen.awaitServer();
        try (Association as = DicomClient.connect("127.0.0.1", server.localPort(),
                new AssociationRequestSpec("ANY").addContext(UID.CT_IMAGE_STORAGE, UID.EXPLICIT_VR_LITTLE_ENDIAN))) {
            InputStream endless = new InputStream() {
                long n;

                @Override
                public int read() throws IOException {
                    if (++n > (4 << 20)) {
                        as.abort();
                        throw new IOException("stop");
                    }
                    return 0;
                }
            };
            try {
                as.store(UID.CT_IMAGE_STORAGE, "1.2.3.4", UID.EXPLICIT_VR_LITTLE_ENDIAN, endless);
            } catch (IOException expected) {
                // the abort
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (server.openAssociations() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            server.close();
        }
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of(), s.toList());
        }
    }

    @Test
    void findGetAndMoveAgainstAListener() throws Exception {
        // a listener holding nothing answers C-FIND as "not supported": the query tools report a failure
        Path out = tmp.resolve("out");
        ListenCommand listen = listen(out);
        DicomServer server = listen.awaitServer();
        try {
            Result find = run("find", "--host", "127.0.0.1", "--port", String.valueOf(server.localPort()), "--aet", "ANY",
                    "-k", "PatientID=X", "-k", "PatientName");
            assertEquals(DicomCli.INPUT_ERROR, find.status());
            assertTrue(find.err().contains("0x0122"), find.err());
        } finally {
            server.close();
        }
        Attributes keys = new Attributes();
        QueryCommand.addKey(keys, "PatientName=Doe^J");
        QueryCommand.addKey(keys, "0020,000D=1.2.3");
        assertEquals("Doe^J", keys.getString(Tag.PATIENT_NAME));
        assertEquals("1.2.3", keys.getString(Tag.STUDY_INSTANCE_UID));
        assertFalse(keys.contains(Tag.PATIENT_ID));
    }
}
