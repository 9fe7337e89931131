package cn.yunying.dicom.tool;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.UID;
import cn.yunying.dicom.io.DicomFile;
import cn.yunying.dicom.io.DicomFiles;
import cn.yunying.dicom.io.ReadOptions;
import cn.yunying.dicom.net.Association;
import cn.yunying.dicom.net.AssociationRequestSpec;
import cn.yunying.dicom.net.DicomClient;
import cn.yunying.dicom.net.Status;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code dicom send}: C-STORE files and folders (recursively). Proposes each SOP class with the files'
 * own transfer syntaxes and with Explicit/Implicit VR Little Endian; {@code --associations N} sends
 * over N associations in parallel. Exit 0 only if every file was stored.
 */
final class SendCommand implements Command {
    static final Set<String> VALUES = NetOptions.with(NetOptions.TLS_VALUES, "--host", "--port", "--aet", "--calling-aet",
            "--associations");

    @Override
    public String name() {
        return "send";
    }

    @Override
    public String summary() {
        return "C-STORE files/folders to a remote AE";
    }

    @Override
    public String usage() {
        return "--host H --port P --aet CALLED [--calling-aet A] [--associations N] " + NetOptions.TLS_USAGE + " FILE|DIR...";
    }

    record Item(Path file, String sopClass, String transferSyntax) {
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        NetOptions o = new NetOptions(args, VALUES, Set.of("--tls"));
        if (o.positional().isEmpty()) {
            throw new UsageException("no FILE or DIR to send");
        }
        String host = o.require("--host");
        int port = o.integer("--port", -1, 1, 65535);
        int associations = o.integer("--associations", 1, 1, 64);
        AssociationRequestSpec template = o.requestSpec();
        List<Path> files = files(o.positional());
        // every association gets its share of the files and reads their headers itself, so N associations also read
        // headers N at a time, and each proposes the presentation contexts its own files need
        List<List<Path>> shares = new ArrayList<>();
        for (int w = 0; w < Math.min(associations, files.size()); w++) {
            List<Path> share = new ArrayList<>();
            for (int k = w; k < files.size(); k += associations) {
                share.add(files.get(k));
            }
            shares.add(share);
        }
        Counters counters = new Counters();
        long t0 = System.nanoTime();
        if (shares.size() == 1) {
            send(host, port, template, shares.get(0), counters, err);
        } else if (!shares.isEmpty()) {
            ExecutorService pool = Executors.newFixedThreadPool(shares.size());
            try {
                List<Future<?>> workers = new ArrayList<>();
                for (List<Path> share : shares) {
                    workers.add(pool.submit(() -> {
                        send(host, port, template, share, counters, err);
                        return null;
                    }));
                }
                for (Future<?> f : workers) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
        }
        double seconds = Math.max(1e-3, (System.nanoTime() - t0) / 1e9);
        out.printf("sent %d of %d files (%d failed), %.1f MB in %.2f s%n", counters.sent.get(), files.size(),
                counters.failed.get(), counters.bytes.get() / 1e6, seconds);
        return counters.failed.get() == 0 ? DicomCli.OK : DicomCli.INPUT_ERROR;
    }

    /** What the associations did, added up. */
    private static final class Counters {
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicLong bytes = new AtomicLong();
    }

    /** One association's work: read the headers of its files, open the association for their classes, send them. */
    private static void send(String host, int port, AssociationRequestSpec template, List<Path> share, Counters counters,
                             PrintStream err) throws IOException {
        List<Item> items = new ArrayList<>(share.size());
        for (Path f : share) {
            try {
                items.add(item(f));
            } catch (IOException e) {
                report(err, "skipped " + f + ": " + e.getMessage());
                counters.failed.incrementAndGet();
            }
        }
        if (items.isEmpty()) {
            return;
        }
        Map<String, Set<String>> syntaxes = new LinkedHashMap<>();
        for (Item i : items) {
            syntaxes.computeIfAbsent(i.sopClass(), k -> new LinkedHashSet<>()).add(i.transferSyntax());
        }
        sendAll(host, port, spec(template, syntaxes), items, counters.sent, counters.failed, counters.bytes, err);
    }

    /** The SOP class and transfer syntax of a file: from its meta information, else from its first elements. */
    static Item item(Path f) throws IOException {
        try {
            Attributes meta = DicomFiles.readFileMetaInformation(f);
            String cuid = meta.getString(Tag.MEDIA_STORAGE_SOP_CLASS_UID);
            String ts = meta.getString(Tag.TRANSFER_SYNTAX_UID);
            if (cuid != null && ts != null) {
                return new Item(f, cuid, ts);
            }
        } catch (IOException e) {
            // no preamble or group length: the parse below copes with those
        }
        DicomFile d = DicomFiles.read(f, ReadOptions.loadAll().stopBefore(Tag.SOP_INSTANCE_UID));
        Attributes meta = d.fileMetaInformation();
        String cuid = meta != null && meta.getString(Tag.MEDIA_STORAGE_SOP_CLASS_UID) != null
                ? meta.getString(Tag.MEDIA_STORAGE_SOP_CLASS_UID) : d.dataset().getString(Tag.SOP_CLASS_UID);
        if (cuid == null) {
            throw new IOException("no SOP Class UID");
        }
        return new Item(f, cuid, d.transferSyntax().uid());
    }

    private static void sendAll(String host, int port, AssociationRequestSpec spec, List<Item> share, AtomicInteger sent,
                                AtomicInteger failed, AtomicLong bytes, PrintStream err) {
        int processed = 0;
        try (Association as = DicomClient.connect(host, port, spec)) {
            for (Item i : share) {
                try {
                    int status = as.store(i.file());
                    sent.incrementAndGet();
                    bytes.addAndGet(Files.size(i.file()));
                    if (status != Status.SUCCESS) {
                        report(err, "warning " + Status.toHex(status) + " for " + i.file());
                    }
                } catch (IOException e) {
                    failed.incrementAndGet();
                    report(err, "failed " + i.file() + ": " + e.getMessage());
                    if (!as.isOpen()) {
                        processed++;
                        throw e;
                    }
                }
                processed++;
            }
        } catch (IOException e) {
            report(err, "association failed: " + e.getMessage());
            // whatever this worker did not get to counts as failed
            failed.addAndGet(share.size() - processed);
        }
    }

    private static void report(PrintStream err, String line) {
        synchronized (err) {
            err.println(line);
        }
    }

    private static AssociationRequestSpec spec(AssociationRequestSpec template, Map<String, Set<String>> syntaxes) {
        AssociationRequestSpec spec = new AssociationRequestSpec(template.calledAe()).callingAe(template.callingAe()).tls(template.tls());
        // one context per (class, file transfer syntax) so every file can go as it is, plus one
        // Explicit/Implicit VR Little Endian context per class as the fallback the acceptor may prefer
        int contexts = syntaxes.values().stream().mapToInt(Set::size).sum() + syntaxes.size();
        if (contexts > 128) {
            throw new IllegalArgumentException(contexts + " presentation contexts needed, 128 fit in an association: send fewer SOP classes at once");
        }
        for (Map.Entry<String, Set<String>> e : syntaxes.entrySet()) {
            for (String ts : e.getValue()) {
                spec.addContext(e.getKey(), ts);
            }
            spec.addContext(e.getKey(), UID.EXPLICIT_VR_LITTLE_ENDIAN, UID.IMPLICIT_VR_LITTLE_ENDIAN);
        }
        return spec;
    }

    static List<Path> files(List<String> args) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String a : args) {
            Path p = Path.of(a);
            if (Files.isDirectory(p)) {
                // walkFileTree, not Files.walk: the stream machinery is a noticeable part of a short-lived tool's start
                List<Path> found = new ArrayList<>();
                Files.walkFileTree(p, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile()) {
                            found.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
                Collections.sort(found);
                out.addAll(found);
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            } else {
                throw new NoSuchFileException(a);
            }
        }
        return out;
    }
}
