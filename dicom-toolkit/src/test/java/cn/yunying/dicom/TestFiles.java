package cn.yunying.dicom;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates the pydicom test data shipped by Debian's python3-pydicom. */
public final class TestFiles {
    public static final Path PYDICOM_DATA = Path.of("/usr/lib/python3/dist-packages/pydicom/data");

    /** Files that are broken on purpose; they must be rejected with a clear error. */
    public static final List<String> BROKEN = List.of("MR_truncated.dcm", "rtplan_truncated.dcm",
            // starts with one stray byte (0x20) before an explicit VR little endian data set
            "no_meta.dcm");

    private TestFiles() {
    }

    public static Path testFiles() {
        return require(PYDICOM_DATA.resolve("test_files"));
    }

    public static Path charsetFiles() {
        return require(PYDICOM_DATA.resolve("charset_files"));
    }

    public static Path testFile(String name) {
        Path p = testFiles().resolve(name);
        if (!Files.isRegularFile(p)) {
            fail("pydicom test file " + p + " is missing: apt-get install python3-pydicom");
        }
        return p;
    }

    public static Path charsetFile(String name) {
        Path p = charsetFiles().resolve(name);
        if (!Files.isRegularFile(p)) {
            fail("pydicom charset file " + p + " is missing: apt-get install python3-pydicom");
        }
        return p;
    }

    /** All *.dcm files of a folder, sorted. */
    public static List<Path> dicomFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".dcm")).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError("cannot list " + dir, e);
        }
    }

    private static Path require(Path dir) {
        if (!Files.isDirectory(dir)) {
            fail("pydicom test data folder " + dir + " is missing: apt-get install python3-pydicom");
        }
        return dir;
    }
}
