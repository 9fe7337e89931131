package cn.yunying.dicom.tool;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.UID;
import cn.yunying.dicom.data.VR;
import cn.yunying.dicom.io.DicomOutputStream;
import cn.yunying.dicom.net.StoreRequest;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Writes a received object as a Part 10 file named by its SOP Instance UID. Durable (the default): the bytes go
 * to a hidden temporary file that is fsynced and then renamed atomically, so neither a reader nor a crash ever
 * sees a partial object. Not durable ({@code --no-fsync}, what storescp does): straight to the final name, which
 * saves the rename; a crash can leave a partial file there, and a reader may see one while it arrives. In both
 * modes a failed or aborted transfer leaves nothing behind.
 */
final class Part10Writer {
    private static final Pattern SAFE_UID = Pattern.compile("[0-9][0-9.]{0,63}");
    private static final AtomicLong TEMP_NAMES = new AtomicLong();
    private Part10Writer() {
    }

    static Path write(Path dir, StoreRequest request, InputStream dataSet) throws IOException {
        return write(dir, request, dataSet, true);
    }

    /**
     * @param durable whether to fsync the file before the rename; without, a crash can leave an empty or
     *                partial file under the final name (what most storage SCPs do, e.g. for benchmarks)
     */
    static Path write(Path dir, StoreRequest request, InputStream dataSet, boolean durable) throws IOException {
        String iuid = request.sopInstanceUid();
        if (iuid == null || !SAFE_UID.matcher(iuid).matches()) {
            // the UID becomes a file name: never let a peer choose "../x" or similar
            throw new IOException("refusing to store an object with SOP Instance UID " + iuid);
        }
        Path target = dir.resolve(iuid + ".dcm");
        // a unique hidden name without Files.createTempFile's SecureRandom (a measurable cost per object)
        Path tmp = durable ? dir.resolve("." + iuid + "." + ProcessHandle.current().pid() + "." + TEMP_NAMES.incrementAndGet() + ".part")
                : target;
        boolean done = false;
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                durable ? StandardOpenOption.CREATE_NEW : StandardOpenOption.TRUNCATE_EXISTING)) {
            // the buffer gathers the many small writes of the meta information; the data set arrives in
            // chunks of up to a PDV (larger than the buffer), which go to the channel without another copy
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 8 * 1024);
            DicomOutputStream dos = new DicomOutputStream(out);
            out.write(new byte[128]);
            out.write(new byte[] {'D', 'I', 'C', 'M'});
            dos.writeFileMetaInformation(meta(request));
            dos.flush();
            dataSet.transferTo(out);
            out.flush();
            if (durable) {
                ch.force(true);
            }
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
        if (!durable) {
            return target;
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return target;
    }

    static Attributes meta(StoreRequest request) {
        Attributes meta = new Attributes(false, 8);
        meta.setInt(Tag.FILE_META_INFORMATION_GROUP_LENGTH, VR.UL, 0);
        meta.setBytes(Tag.FILE_META_INFORMATION_VERSION, VR.OB, new byte[] {0, 1});
        meta.setString(Tag.MEDIA_STORAGE_SOP_CLASS_UID, VR.UI, request.sopClassUid());
        meta.setString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID, VR.UI, request.sopInstanceUid());
        meta.setString(Tag.TRANSFER_SYNTAX_UID, VR.UI, request.transferSyntaxUid());
        meta.setString(Tag.IMPLEMENTATION_CLASS_UID, VR.UI, UID.YUNYING_IMPLEMENTATION_CLASS);
        meta.setString(Tag.IMPLEMENTATION_VERSION_NAME, VR.SH, UID.YUNYING_IMPLEMENTATION_VERSION);
        if (request.association() != null && request.association().callingAe() != null) {
            meta.setString(Tag.SOURCE_APPLICATION_ENTITY_TITLE, VR.AE, request.association().callingAe());
        }
        return meta;
    }
}
