package cn.yunying.dicom.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yunying.dicom.SyntheticCt;
import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.BulkData;
import cn.yunying.dicom.data.Bytes;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.VR;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Objects too large for memory: read with bulk data references, written back by
 * streaming, copied while parsing. The 2 GiB case runs with {@code mvn test -Plarge}
 * (surefire forks with -Xmx256m); the file is sparse, so generating it costs no
 * disk writes. The same paths run on a 48 MiB object with a 1 MiB in-memory limit
 * in every build.
 */
class LargeObjectTest {
    @TempDir
    Path dir;

    @Test
    void mediumObjectWithBoundedMemory() throws IOException {
        roundTrip(48L << 20, 1 << 20);
    }

    @Test
    @org.junit.jupiter.api.Tag("large")
    void twoGibMultiFrameObjectWithSmallHeap() throws IOException {
        assertTrue(Runtime.getRuntime().maxMemory() <= 300L << 20, "run with -Xmx256m (mvn test -Plarge)");
        roundTrip(2L << 30, Integer.MAX_VALUE - 16);
    }

    private void roundTrip(long pixelBytes, long inMemoryLimit) throws IOException {
        Path source = dir.resolve("large.dcm");
        long headerLength = writeSparseMultiFrame(source, pixelBytes);

        // 1. Loading it all is refused cleanly, not with an OutOfMemoryError.
        ReadOptions loadAll = ReadOptions.loadAll().maxInlineValueLength(inMemoryLimit);
        DicomStreamException refused = assertThrows(DicomStreamException.class, () -> DicomFiles.read(source, loadAll));
        assertTrue(refused.getMessage().contains("(7FE0,0010)"), refused.getMessage());

        // 2. With bulk data references the header is read and the pixels stay in the file.
        DicomFile f = DicomFiles.readWithBulkDataReferences(source, 1 << 16);
        BulkData pixels = f.dataset().getBulkData(Tag.PIXEL_DATA);
        assertEquals(pixelBytes, pixels.length());
        assertEquals(headerLength, pixels.offset());
        assertEquals(pixelBytes / (1024 * 1024 * 2), f.dataset().getInt(Tag.NUMBER_OF_FRAMES, 0));

        // 3. Writing streams the pixels from the source.
        Path written = dir.resolve("written.dcm");
        DicomFiles.write(written, f);
        assertEquals(Files.size(source), Files.size(written));
        assertSameSamples(source, written, headerLength);

        // 4. Copy while parsing, as the network layer stores a received object.
        Path copy = dir.resolve("copy.dcm");
        DicomFile parsed;
        try (InputStream in = Files.newInputStream(source); OutputStream out = Files.newOutputStream(copy)) {
            parsed = DicomFiles.copyAndParse(in, out, 1 << 16, copy.toUri().toString());
        }
        assertEquals(Files.size(source), Files.size(copy));
        assertEquals(pixelBytes, parsed.dataset().getBulkData(Tag.PIXEL_DATA).length());
        assertSameSamples(source, copy, headerLength);
        Files.delete(written);
        Files.delete(copy);
    }

    /** Header from the synthetic CT, then a pixel data element whose value is a hole in a sparse file. */
    static long writeSparseMultiFrame(Path file, long pixelBytes) throws IOException {
        Attributes ds = SyntheticCt.dataset(2, 2);
        ds.remove(Tag.PIXEL_DATA);
        ds.setInt(Tag.ROWS, VR.US, 1024);
        ds.setInt(Tag.COLUMNS, VR.US, 1024);
        ds.setString(Tag.NUMBER_OF_FRAMES, VR.IS, Long.toString(pixelBytes / (1024 * 1024 * 2)));
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        new DicomOutputStream(header).writeFile(new DicomFile(null, null, ds, TransferSyntax.EXPLICIT_VR_LE, true));
        byte[] element = {(byte) 0xE0, 0x7F, 0x10, 0x00, 'O', 'W', 0, 0, 0, 0, 0, 0};
        Bytes.putInt(element, 8, (int) pixelBytes, false);
        header.writeBytes(element);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(header.toByteArray());
            raf.setLength(header.size() + pixelBytes);
            raf.seek(header.size() + pixelBytes - 8);
            raf.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}); // a recognisable end
        }
        return header.size();
    }

    private static void assertSameSamples(Path a, Path b, long headerLength) throws IOException {
        try (RandomAccessFile x = new RandomAccessFile(a.toFile(), "r"); RandomAccessFile y = new RandomAccessFile(b.toFile(), "r")) {
            long size = x.length();
            for (long pos : new long[] {0, headerLength - 64, size / 2, size - 4096}) {
                byte[] p = new byte[4096];
                byte[] q = new byte[4096];
                x.seek(pos);
                x.readFully(p);
                y.seek(pos);
                y.readFully(q);
                assertArrayEquals(p, q, "bytes at " + pos);
            }
        }
    }
}
