package cn.yunying.archive.infrastructure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStorageTest {

    @TempDir
    Path root;

    private static final byte[] CONTENT = "DICM 张三^四 stored bytes".getBytes(StandardCharsets.UTF_8);

    @Test
    void receivesDigestsWhileCopyingThenMovesAtomicallyIntoPlace() throws Exception {
        FileStorage storage = new FileStorage(root);
        FileStorage.Received<Integer> received = storage.receive(new ByteArrayInputStream(CONTENT),
                (in, copy) -> {
                    byte[] all = in.readAllBytes();
                    copy.write(all);
                    return all.length;
                });
        assertEquals(CONTENT.length, received.parsed());
        assertEquals(CONTENT.length, received.size());
        assertEquals(hex("MD5", CONTENT), received.md5());
        assertEquals(hex("SHA-256", CONTENT), received.sha256());
        assertTrue(received.temp().startsWith(root.resolve(FileStorage.INCOMING)), "temp file on the same file system");
        assertArrayEquals(CONTENT, Files.readAllBytes(received.temp()));

        assertTrue(storage.commit(received, "ab/1.2/1.2.3/1.2.3.4.x.dcm"));
        Path stored = root.resolve("ab/1.2/1.2.3/1.2.3.4.x.dcm");
        assertArrayEquals(CONTENT, Files.readAllBytes(stored));
        assertFalse(Files.exists(received.temp()), "the temporary file was moved, not copied");
        assertArrayEquals(new String[] {received.md5(), received.sha256()}, storage.checksums("ab/1.2/1.2.3/1.2.3.4.x.dcm"));
    }

    @Test
    void anIdenticalFileAlreadyInPlaceIsKeptAndReportedAsNotCreated() throws Exception {
        FileStorage storage = new FileStorage(root);
        assertTrue(storage.commit(receive(storage), "a/b.dcm"));
        FileStorage.Received<Void> again = receive(storage);
        assertFalse(storage.commit(again, "a/b.dcm"), "a second commit must not claim the file (index failure would delete it)");
        assertFalse(Files.exists(again.temp()));
        assertEquals(0, incomingFiles());
    }

    @Test
    void aFailingReaderLeavesNoFileBehind() {
        FileStorage storage = new FileStorage(root);
        assertThrows(IOException.class, () -> storage.receive(new ByteArrayInputStream(CONTENT), (in, copy) -> {
            copy.write(in.readNBytes(4));
            throw new IOException("truncated stream");
        }));
        assertEquals(0, incomingFiles());
    }

    @Test
    void aSourceThatBreaksMidwayLeavesNoFileBehind() {
        FileStorage storage = new FileStorage(root);
        InputStream broken = new InputStream() {
            private int n;

            @Override
            public int read() throws IOException {
                if (n++ > 100) {
                    throw new IOException("connection reset");
                }
                return 'x';
            }
        };
        assertThrows(IOException.class, () -> storage.receive(broken, (in, copy) -> {
            in.transferTo(copy);
            return null;
        }));
        assertEquals(0, incomingFiles());
    }

    @Test
    void storageThatCannotBeWrittenFailsBeforeAnythingIsParsed() throws Exception {
        Path file = Files.writeString(root.resolve("not-a-dir"), "x");
        FileStorage storage = new FileStorage(file);
        boolean[] parsed = {false};
        assertThrows(IOException.class, () -> storage.receive(new ByteArrayInputStream(CONTENT), (in, copy) -> {
            parsed[0] = true;
            return null;
        }));
        assertFalse(parsed[0]);
    }

    @Test
    void pathsOutsideTheRootOrIntoTheIncomingFolderAreRefused() throws Exception {
        FileStorage storage = new FileStorage(root);
        assertThrows(IllegalArgumentException.class, () -> storage.resolve("../etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> storage.resolve("a/../../x"));
        assertThrows(IllegalArgumentException.class, () -> storage.resolve(".incoming/x.part"));
        assertFalse(storage.delete("../outside"));
    }

    @Test
    void deleteRemovesAStoredFile() throws Exception {
        FileStorage storage = new FileStorage(root);
        storage.commit(receive(storage), "x/y.dcm");
        assertTrue(storage.delete("x/y.dcm"));
        assertFalse(Files.exists(root.resolve("x/y.dcm")));
    }

    private static FileStorage.Received<Void> receive(FileStorage storage) throws IOException {
        return storage.receive(new ByteArrayInputStream(CONTENT), (in, copy) -> {
            in.transferTo(copy);
            return null;
        });
    }

    private long incomingFiles() {
        Path incoming = root.resolve(FileStorage.INCOMING);
        if (!Files.exists(incoming)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(incoming)) {
            return files.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(String algorithm, byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    }
}
