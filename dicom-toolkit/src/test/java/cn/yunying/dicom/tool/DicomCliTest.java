package cn.yunying.dicom.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yunying.dicom.TestFiles;
import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.json.DicomJsonReader;
import cn.yunying.dicom.xml.DicomXmlReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the CLI in-process with captured streams. */
class DicomCliTest {
    @TempDir
    Path dir;

    record Result(int status, String out, String err) {
    }

    static Result run(String... args) {
        return run(CommandRegistry.standard(), args);
    }

    static Result run(CommandRegistry registry, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new DicomCli(registry).run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void dumpPrintsAReadableDump() {
        Result r = run("dump", TestFiles.charsetFile("chrX1.dcm").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("(0010,0010) PN #26 [Wang^XiaoDong=王^小東=] PatientName"), r.out());
        assertTrue(r.out().contains("# transfer syntax: 1.2.840.10008.1.2.1 (Explicit VR Little Endian)"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void jsonAndXmlAreParseable() throws Exception {
        Path file = TestFiles.testFile("CT_small.dcm");
        Result json = run("json", file.toString());
        assertEquals(0, json.status(), json.err());
        Attributes fromJson = DicomJsonReader.read(new StringReader(json.out()));
        assertEquals("CT", fromJson.getString(Tag.MODALITY));
        Result xml = run("xml", file.toString());
        assertEquals(0, xml.status(), xml.err());
        Attributes fromXml = DicomXmlReader.read(new StringReader(xml.out()));
        assertEquals(fromJson.getString(Tag.SOP_INSTANCE_UID), fromXml.getString(Tag.SOP_INSTANCE_UID));
        Result bulk = run("json", "--bulk", "1024", file.toString());
        assertTrue(bulk.out().contains("\"BulkDataURI\": \"" + file.toUri()), bulk.out().substring(0, 200));
    }

    @Test
    void unreadableFilesGiveOneLineAndStatusOne() throws Exception {
        Path truncated = TestFiles.testFile("MR_truncated.dcm");
        Path garbage = dir.resolve("garbage.dcm");
        Files.write(garbage, "this is not a DICOM file, just text.".getBytes());
        for (String file : List.of(truncated.toString(), garbage.toString(), dir.resolve("missing.dcm").toString(),
                dir.toString())) {
            for (String command : List.of("dump", "json", "xml")) {
                Result r = run(command, file);
                assertEquals(DicomCli.INPUT_ERROR, r.status(), command + " " + file + ": " + r.err());
                assertEquals(1, r.err().lines().count(), r.err());
                assertTrue(r.err().startsWith("dicom " + command + ": "), r.err());
                assertFalse(r.err().contains("\tat "), "no stack trace");
            }
        }
        assertTrue(run("dump", truncated.toString()).err().contains("at offset"));
    }

    @Test
    void usageErrorsAndHelp() {
        Result help = run("--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("dump") && help.out().contains("json") && help.out().contains("xml"));
        assertEquals(DicomCli.USAGE_ERROR, run().status());
        Result unknown = run("frobnicate");
        assertEquals(DicomCli.USAGE_ERROR, unknown.status());
        assertEquals(1, unknown.err().lines().count());
        assertEquals(DicomCli.USAGE_ERROR, run("dump").status());
        assertEquals(DicomCli.USAGE_ERROR, run("dump", "--bulk").status());
        assertEquals(DicomCli.USAGE_ERROR, run("dump", "--nope", "x").status());
        assertEquals(0, run("json", "--help").status());
    }

    @Test
    void registryTakesNewCommandsAndReportsTheirBugsWithoutStackTraces() {
        Command echo = new Command() {
            public String name() {
                return "shout"; // "echo" is the C-ECHO network command
            }

            public String summary() {
                return "test command";
            }

            public String usage() {
                return "";
            }

            public int run(List<String> args, PrintStream out, PrintStream err) {
                if (args.isEmpty()) {
                    throw new IllegalStateException("boom");
                }
                out.println(String.join(" ", args));
                return 0;
            }
        };
        CommandRegistry registry = CommandRegistry.standard().register(echo);
        assertEquals("hello\n", run(registry, "shout", "hello").out());
        Result bug = run(registry, "shout");
        assertEquals(DicomCli.INTERNAL_ERROR, bug.status());
        assertEquals(1, bug.err().lines().count());
        assertTrue(run(registry, "--help").out().contains("shout"));
        assertThrows(IllegalArgumentException.class, () -> registry.register(echo));
    }
}
