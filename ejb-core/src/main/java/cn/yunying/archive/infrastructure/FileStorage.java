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
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The online storage folder. An object is received into a temporary file in {@code <root>/.incoming} (same file system
 * as its final place), digested (MD5 and SHA-256) while it is written, atomically renamed to its final relative path,
 * then the file and the directory entries are forced to disk ({@link #commit}, or by the caller through
 * {@link Placed}, so that the fsyncs can overlap the index transaction). A file at its final path that the index does
 * not reference is an orphan for the cleanup, whether forced or not. Nothing outside the root is ever written or
 * deleted.
 */
public final class FileStorage {

    private static final System.Logger LOG = System.getLogger(FileStorage.class.getName());
    static final String INCOMING = ".incoming";

    /** Reads the source once, writing every byte to {@code copy}, and returns what it parsed. */
    @FunctionalInterface
    public interface CopyingReader<T> {
        T read(InputStream source, OutputStream copy) throws IOException;
    }

    /** A fully written (not yet forced) temporary file and what the reader made of it. */
    public record Received<T>(Path temp, long size, String md5, String sha256, T parsed) {
    }

    private final Path root;

    public FileStorage(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /**
     * The folder of temporary files, created when missing. Looked at first: createDirectories on an existing folder
     * costs a failed mkdir and an exception, per object.
     */
    private Path incoming() throws IOException {
        Path incoming = root.resolve(INCOMING);
        return Files.isDirectory(incoming) ? incoming : Files.createDirectories(incoming);
    }

    /** Writes the source to a temporary file while the reader parses it. On failure the temporary file is gone. */
    public <T> Received<T> receive(InputStream source, CopyingReader<T> reader) throws IOException {
        Path temp = incoming().resolve(UUID.randomUUID() + ".part");
        MessageDigest md5 = digest("MD5");
        MessageDigest sha256 = digest("SHA-256");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream file = Channels.newOutputStream(channel);
            // the reader may close what it writes to; the channel must stay open until the size is read
            OutputStream out = new BufferedOutputStream(new DigestOutputStream(
                    new DigestOutputStream(new NonClosingOutputStream(file), md5), sha256), 64 * 1024);
            T parsed = reader.read(source, out);
            out.flush();
            long size = channel.size();
            return new Received<>(temp, size, hex(md5), hex(sha256), parsed);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /**
     * Moves a received file to {@code relativePath} atomically and forces it and its directory entries. If a file is
     * already there it is the same content (the path names the SHA-256), so the received copy is dropped.
     *
     * @return true if this call created the file, false if an identical file was already there
     */
    public boolean commit(Received<?> received, String relativePath) throws IOException {
        Placed placed = place(received, relativePath);
        force(placed);
        return placed.created();
    }

    /**
     * Where a received file now is, and what must be forced before it counts as durable: the file itself (also when an
     * identical file was already there: it may still be in flight for another ingest) and the directories whose
     * entries changed: its own directory and the parent of every directory this call created.
     */
    public record Placed(boolean created, Path file, List<Path> directoriesToForce) {
    }

    /**
     * As {@link #commit} but without forcing anything: the caller forces with {@link #force} (possibly together with
     * other objects' files, once per batch, while it writes the index) before it relies on the file.
     */
    public Placed place(Received<?> received, String relativePath) throws IOException {
        Path target = resolve(relativePath);
        Path dir = target.getParent();
        List<Path> toForce = new ArrayList<>(2);
        toForce.add(dir);
        if (!Files.isDirectory(dir)) {
            Path existing = dir;
            while (existing != null && !Files.isDirectory(existing)) {
                existing = existing.getParent();
            }
            Files.createDirectories(dir);
            // the new directories' entries live in their parents: from the first existing ancestor down
            for (Path p = dir.getParent(); p != null && existing != null && p.startsWith(existing); p = p.getParent()) {
                toForce.add(p);
            }
        }
        if (Files.exists(target)) {
            Files.deleteIfExists(received.temp());
            return new Placed(false, target, toForce);
        }
        try {
            Files.move(received.temp(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(received.temp());
            return new Placed(false, target, toForce);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("storage root " + root + " cannot rename atomically", e);
        }
        return new Placed(true, target, toForce);
    }

    /** Forces placed files (their data: an error is thrown) and then their directories (each once). */
    public void force(Placed... placed) throws IOException {
        force(List.of(placed));
    }

    /** As above, for a batch. */
    public void force(Collection<Placed> placed) throws IOException {
        Set<Path> directories = new LinkedHashSet<>();
        for (Placed p : placed) {
            try (FileChannel channel = FileChannel.open(p.file(), StandardOpenOption.READ)) {
                channel.force(true);
            }
            directories.addAll(p.directoriesToForce());
        }
        for (Path dir : directories) { // deepest first, so that a parent follows its children
            forceDirectory(dir);
        }
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

    /** Whether a path relative to the root is a temporary file of an ingest (never indexed). */
    public boolean isTemporary(String relativePath) {
        return relativePath.startsWith(INCOMING + "/");
    }

    /**
     * Calls the visitor with the relative path of every regular file under the root (stored and temporary) last
     * modified before {@code cutoff}; files that vanish meanwhile are skipped.
     */
    public void visitFilesOlderThan(Instant cutoff, Consumer<String> visitor) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(file, BasicFileAttributes.class);
                } catch (IOException vanished) {
                    continue;
                }
                if (attributes.isRegularFile() && attributes.lastModifiedTime().toInstant().isBefore(cutoff)) {
                    visitor.accept(root.relativize(file).toString().replace('\\', '/'));
                }
            }
        }
    }

    /** Removes a stale temporary file (relative path under {@code .incoming}); false if it was not there. */
    public boolean deleteTemporary(String relativePath) throws IOException {
        if (!isTemporary(relativePath)) {
            throw new IllegalArgumentException("not a temporary file: " + relativePath);
        }
        Path file = root.resolve(relativePath).normalize();
        if (!file.startsWith(root.resolve(INCOMING))) {
            throw new IllegalArgumentException("not a temporary file: " + relativePath);
        }
        return Files.deleteIfExists(file);
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
