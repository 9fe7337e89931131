package cn.yunying.archive.application;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.BulkData;
import cn.yunying.dicom.data.Fragments;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.io.DicomFile;
import cn.yunying.dicom.io.DicomFiles;
import cn.yunying.shared.DomainException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cuts frames out of a stored file without loading the rest of its pixel data: native pixels by frame size, and
 * encapsulated pixel data by fragment (one frame per fragment, all fragments for a single frame, or the basic offset
 * table). Frame numbers start at 1 (PS3.18 8.7.3).
 */
final class FrameExtractor {

    private static final Map<String, String> MEDIA_TYPES = Map.ofEntries(
            Map.entry("1.2.840.10008.1.2.4.50", "image/jpeg"),
            Map.entry("1.2.840.10008.1.2.4.51", "image/jpeg"),
            Map.entry("1.2.840.10008.1.2.4.57", "image/jpeg"),
            Map.entry("1.2.840.10008.1.2.4.70", "image/jpeg"),
            Map.entry("1.2.840.10008.1.2.4.80", "image/jls"),
            Map.entry("1.2.840.10008.1.2.4.81", "image/jls"),
            Map.entry("1.2.840.10008.1.2.4.90", "image/jp2"),
            Map.entry("1.2.840.10008.1.2.4.91", "image/jp2"),
            Map.entry("1.2.840.10008.1.2.4.201", "image/jphc"),
            Map.entry("1.2.840.10008.1.2.4.202", "image/jphc"),
            Map.entry("1.2.840.10008.1.2.4.203", "image/jphc"),
            Map.entry("1.2.840.10008.1.2.5", "image/dicom-rle"));

    private FrameExtractor() {
    }

    /** {@code ts} is the file's transfer syntax UID. */
    static List<PixelFrame> frames(Path file, String ts, List<Integer> numbers) throws IOException {
        return frames(read(file), ts, numbers);
    }

    /** The data set of a stored file, its pixel data (and other values over 256 bytes) left in the file. */
    static Attributes read(Path file) throws IOException {
        DicomFile dicom = DicomFiles.readWithBulkDataReferences(file, 256);
        return dicom.dataset();
    }

    /** Frames of a data set read by {@link #read(Path)}; {@code ts} is the file's transfer syntax UID. */
    static List<PixelFrame> frames(Attributes ds, String ts, List<Integer> numbers) throws IOException {
        Object pixels = ds.getValue(Tag.PIXEL_DATA);
        int frameCount = Math.max(1, ds.getInt(Tag.NUMBER_OF_FRAMES, 1));
        for (int n : numbers) {
            if (n < 1 || n > frameCount) {
                throw new DomainException(ArchiveError.INVALID_REQUEST, "frame " + n + " of " + frameCount);
            }
        }
        if (pixels instanceof Fragments fragments) {
            return encapsulated(fragments, frameCount, numbers, ts);
        }
        return nativeFrames(ds, pixels, numbers, ts);
    }

    private static List<PixelFrame> nativeFrames(Attributes ds, Object pixels, List<Integer> numbers, String ts)
            throws IOException {
        long bits = (long) ds.getInt(Tag.ROWS, 0) * ds.getInt(Tag.COLUMNS, 0)
                * Math.max(1, ds.getInt(Tag.SAMPLES_PER_PIXEL, 1)) * ds.getInt(Tag.BITS_ALLOCATED, 0);
        long frameSize = (bits + 7) / 8;
        if (frameSize <= 0 || bits % 8 != 0 || pixels == null) {
            throw new DomainException(ArchiveError.INVALID_REQUEST, "instance has no frames to send");
        }
        String type = "application/octet-stream; transfer-syntax=" + ts;
        List<PixelFrame> out = new ArrayList<>(numbers.size());
        for (int n : numbers) {
            long start = (n - 1) * frameSize;
            if (pixels instanceof byte[] bytes) {
                if (start + frameSize > bytes.length) {
                    throw new DomainException(ArchiveError.INVALID_REQUEST, "pixel data shorter than frame " + n);
                }
                out.add(new PixelFrame(type, java.util.Arrays.copyOfRange(bytes, (int) start,
                        (int) (start + frameSize))));
            } else if (pixels instanceof BulkData bulk && start + frameSize <= bulk.length()) {
                out.add(new PixelFrame(type, read(bulk, start, frameSize)));
            } else {
                throw new DomainException(ArchiveError.INVALID_REQUEST, "pixel data shorter than frame " + n);
            }
        }
        return out;
    }

    private static List<PixelFrame> encapsulated(Fragments fragments, int frameCount, List<Integer> numbers,
                                                 String ts) throws IOException {
        List<List<Integer>> byFrame = fragmentsByFrame(fragments, frameCount);
        String type = MEDIA_TYPES.getOrDefault(ts, "application/octet-stream") + "; transfer-syntax=" + ts;
        List<PixelFrame> out = new ArrayList<>(numbers.size());
        for (int n : numbers) {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            for (int index : byFrame.get(n - 1)) {
                frame.write(bytes(fragments.get(index)));
            }
            out.add(new PixelFrame(type, frame.toByteArray()));
        }
        return out;
    }

    /** For each frame, the indexes of its fragments (index 0 is the basic offset table). */
    static List<List<Integer>> fragmentsByFrame(Fragments fragments, int frameCount) throws IOException {
        int dataFragments = fragments.size() - 1;
        List<List<Integer>> byFrame = new ArrayList<>(frameCount);
        if (frameCount == 1) {
            List<Integer> all = new ArrayList<>();
            for (int i = 1; i <= dataFragments; i++) {
                all.add(i);
            }
            byFrame.add(all);
            return byFrame;
        }
        if (dataFragments == frameCount) {
            for (int i = 1; i <= dataFragments; i++) {
                byFrame.add(List.of(i));
            }
            return byFrame;
        }
        long[] offsets = offsetTable(bytes(fragments.get(0)));
        if (offsets.length != frameCount) {
            throw new DomainException(ArchiveError.INVALID_REQUEST, "frame boundaries of the fragments unknown");
        }
        for (int f = 0; f < frameCount; f++) {
            byFrame.add(new ArrayList<>());
        }
        long position = 0;
        int frame = 0;
        for (int i = 1; i <= dataFragments; i++) {
            while (frame + 1 < frameCount && position >= offsets[frame + 1]) {
                frame++;
            }
            byFrame.get(frame).add(i);
            position += 8 + fragments.lengthOf(i);
        }
        return byFrame;
    }

    private static long[] offsetTable(byte[] table) {
        ByteBuffer buffer = ByteBuffer.wrap(table).order(ByteOrder.LITTLE_ENDIAN);
        long[] offsets = new long[table.length / 4];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = Integer.toUnsignedLong(buffer.getInt());
        }
        return offsets;
    }

    private static byte[] bytes(Object fragment) throws IOException {
        return fragment instanceof byte[] b ? b : ((BulkData) fragment).readAllBytes();
    }

    /** The bytes {@code start..start+length} of the value, read from the stored file at their place. */
    private static byte[] read(BulkData bulk, long start, long length) throws IOException {
        return new BulkData(bulk.uri(), bulk.offset() + start, length, bulk.bigEndian()).readAllBytes();
    }
}
