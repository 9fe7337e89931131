package cn.yunying.dicom.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs every file of src/test/resources/corpus against its .txt expectation (see the README there). */
class CorpusTest {

    @TestFactory
    Stream<DynamicTest> everyCorpusFileMeetsItsExpectation() throws IOException, URISyntaxException {
        Path dir = Path.of(CorpusTest.class.getResource("/corpus").toURI());
        List<Path> inputs;
        try (Stream<Path> s = Files.list(dir)) {
            inputs = s.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
        }
        assertTrue(inputs.size() >= 10, "corpus has " + inputs.size() + " files");
        return inputs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    private static void check(Path input) throws IOException {
        Path expectationFile = Path.of(input.toString().replaceAll("\\.dcm$", ".txt"));
        assertTrue(Files.exists(expectationFile), "missing expectation " + expectationFile);
        String expectation = Files.readString(expectationFile, StandardCharsets.UTF_8).strip();
        byte[] bytes = Files.readAllBytes(input);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            if (expectation.equals("ok")) {
                DicomFile f = DicomFiles.parse(bytes);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                new DicomOutputStream(out).writeFile(f);
                assertEquals(f.dataset().size(), DicomFiles.parse(out.toByteArray()).dataset().size());
                assertEquals(f.dataset().tags().length, f.dataset().size());
            } else {
                String prefix = "DicomStreamException: ";
                assertTrue(expectation.startsWith(prefix), "bad expectation: " + expectation);
                DicomStreamException e = assertThrows(DicomStreamException.class, () -> DicomFiles.parse(bytes));
                String fragment = expectation.substring(prefix.length());
                assertTrue(e.getMessage().contains(fragment), "'" + e.getMessage() + "' lacks '" + fragment + "'");
                assertTrue(e.getMessage().contains("at offset"), e.getMessage());
            }
        });
    }
}
