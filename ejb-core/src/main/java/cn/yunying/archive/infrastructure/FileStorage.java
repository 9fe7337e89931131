package cn.yunying.archive.infrastructure;

import cn.yunying.dicom.io.NonClosingOutputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The online storage folder. An object is received into a temporary file in {@code <root>/.incoming} (same file system
 * as its final place), digested (MD5 and SHA-256) while it is written, forced to disk, then atomically renamed to its
 * final relative path and the directory entry forced too. Nothing outside the root is ever written or deleted.
 */
public final class FileStorage {

    private static final System.Logger LOG = System.getLogger(FileStorage.class.getName());
    static final String INCOMING = ".incoming";

    /** Reads the source once, writing every byte to {@code copy}, and returns what it parsed. */
    @FunctionalInterface
    public interface CopyingReader<T> {
        T read(InputStream source, OutputStream copy) throws IOException;
    }

    /** A fully written, forced temporary file and what the reader made of it. */
    public record Received<T>(Path temp, long size, String md5, String sha256, T parsed) {
    }

    private final Path root;

    public FileStorage(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** Writes the source to a temporary file while the reader parses it. On failure the temporary file is gone. */
    public <T> Received<T> receive(InputStream source, CopyingReader<T> reader) throws IOException {
        Path incoming = Files.createDirectories(root.resolve(INCOMING));
        Path temp = incoming.resolve(UUID.randomUUID() + ".part");
        MessageDigest md5 = digest("MD5");
        MessageDigest sha256 = digest("SHA-256");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream file = Channels.newOutputStream(channel);
            // the reader may close what it writes to; the channel must stay open until it has been forced
            OutputStream out = new BufferedOutputStream(new DigestOutputStream(
                    new DigestOutputStream(new NonClosingOutputStream(file), md5), sha256), 64 * 1024);
            T parsed = reader.read(source, out);
            out.flush();
            channel.force(true);
            long size = channel.size();
            return new Received<>(temp, size, hex(md5), hex(sha256), parsed);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /**
     * Moves a received file to {@code relativePath} atomically and forces the directory. If a file is already there it
     * is the same content (the path names the SHA-256), so the received copy is dropped.
     *
     * @return true if this call created the file, false if an identical file was already there
     */
    public boolean commit(Received<?> received, String relativePath) throws IOException {
        Path target = resolve(relativePath);
        Path dir = Files.createDirectories(target.getParent());
        if (Files.exists(target)) {
            Files.deleteIfExists(received.temp());
            return false;
        }
        try {
            Files.move(received.temp(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(received.temp());
            return false;
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("storage root " + root + " cannot rename atomically", e);
        }
        forceDirectory(dir);
        return true;
    }

    /** Removes a temporary file that will not be kept. */
    public void discard(Received<?> received) {
        try {
            Files.deleteIfExists(received.temp());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot remove " + received.temp(), e);
        }
    }

    /** Removes a stored file (index failure, replaced duplicate); false if it could not be removed. */
    public boolean delete(String relativePath) {
        try {
            Path file = resolve(relativePath);
            boolean deleted = Files.deleteIfExists(file);
            forceDirectory(file.getParent());
            return deleted;
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot remove stored file " + relativePath, e);
            return false;
        }
    }

    /** The absolute path of a stored file; refuses anything that would leave the root. */
    public Path resolve(String relativePath) {
        Path resolved = root.resolve(relativePath).normalize();
        if (!resolved.startsWith(root) || resolved.equals(root) || relativePath.startsWith(INCOMING)) {
            throw new IllegalArgumentException("not a storage path: " + relativePath);
        }
        return resolved;
    }

    /** Recomputes MD5 and SHA-256 of a stored file (storage commitment, integrity checks). */
    public String[] checksums(String relativePath) throws IOException {
        MessageDigest md5 = digest("MD5");
        MessageDigest sha256 = digest("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(resolve(relativePath))) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                md5.update(buffer, 0, n);
                sha256.update(buffer, 0, n);
            }
        }
        return new String[] {hex(md5), hex(sha256)};
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems (and Windows) cannot open a directory; the rename is still atomic there.
            LOG.log(System.Logger.Level.DEBUG, "cannot force directory " + dir, e);
        }
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required by the platform", e);
        }
    }

    private static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }
}
