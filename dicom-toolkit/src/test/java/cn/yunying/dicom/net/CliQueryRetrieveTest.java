package cn.yunying.dicom.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.io.DicomFiles;
import cn.yunying.dicom.tool.CommandRegistry;
import cn.yunying.dicom.tool.DicomCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code dicom find|get|move} against our SCP with an in-memory archive. */
@Timeout(60)
class CliQueryRetrieveTest {
    @TempDir
    Path tmp;

    record Result(int status, String out, String err) {
    }

    static Result dicom(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new DicomCli(CommandRegistry.standard()).run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static MemoryProvider archive() {
        MemoryProvider p = new MemoryProvider();
        for (int i = 1; i <= 4; i++) {
            p.stored.put("1.2.7." + i, DimseServicesTest.ct("1.2.7." + i, i <= 3 ? "PA" : "PB", i <= 3 ? "1.2.7" : "1.2.8"));
        }
        return p;
    }

    @Test
    void findGetMove() throws Exception {
        MemoryProvider source = archive();
        MemoryProvider destination = new MemoryProvider();
        try (TestServer dest = new TestServer(destination); TestServer s = new TestServer(source)) {
            source.destinations.put("DEST", new MoveDestination("127.0.0.1", dest.port(), "DEST", false));
            String port = String.valueOf(s.port());

            Result find = dicom("find", "--host", "127.0.0.1", "--port", port, "--aet", "TESTSCP", "-L", "IMAGE",
                    "-k", "PatientID=PA", "-k", "SOPInstanceUID");
            assertEquals(0, find.status(), find.err());
            assertTrue(find.out().contains("3 match(es), status 0x0000"), find.out());
            assertTrue(find.out().contains("1.2.7.2"));

            Path dir = tmp.resolve("get");
            Result get = dicom("get", "--host", "127.0.0.1", "--port", port, "--aet", "TESTSCP", "-k", "StudyInstanceUID=1.2.7",
                    "--dir", dir.toString());
            assertEquals(0, get.status(), get.err() + get.out());
            assertTrue(get.out().contains("3 completed, 0 failed"), get.out());
            try (Stream<Path> files = Files.list(dir)) {
                List<Path> got = files.sorted().toList();
                assertEquals(3, got.size());
                assertEquals(source.stored.get("1.2.7.1"), DicomFiles.read(got.get(0)).dataset());
            }

            Result move = dicom("move", "--host", "127.0.0.1", "--port", port, "--aet", "TESTSCP", "--dest", "DEST",
                    "-k", "StudyInstanceUID=1.2.8");
            assertEquals(0, move.status(), move.err());
            assertTrue(move.out().contains("1 completed"), move.out());
            assertEquals(source.stored.get("1.2.7.4"), destination.stored.get("1.2.7.4"));
            assertEquals(source.stored.get("1.2.7.4").getString(Tag.PATIENT_ID), "PB");

            Result unknown = dicom("move", "--host", "127.0.0.1", "--port", port, "--aet", "TESTSCP", "--dest", "NOWHERE",
                    "-k", "StudyInstanceUID=1.2.8");
            assertEquals(DicomCli.INPUT_ERROR, unknown.status());
            assertTrue(unknown.err().contains("0xA801"), unknown.err());
        }
    }
}
