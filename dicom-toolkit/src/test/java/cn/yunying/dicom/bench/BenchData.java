package cn.yunying.dicom.bench;

import cn.yunying.dicom.SyntheticCt;
import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.VR;
import cn.yunying.dicom.io.DicomFile;
import cn.yunying.dicom.io.DicomOutputStream;
import cn.yunying.dicom.io.TransferSyntax;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generates the data set of the C-STORE benchmark ({@code bin/bench-dicom}, see docs/performance.md):
 * {@code N} CT images of one study as Explicit VR Little Endian Part 10 files, deterministic (the same
 * arguments give the same bytes), each with its own SOP Instance UID.
 *
 * <pre>java -cp target/classes:target/test-classes cn.yunying.dicom.bench.BenchData DIR COUNT ROWS COLUMNS</pre>
 *
 * 512×512 gives 513 KiB files ("512 KiB CT"), 64×64 about 10 KiB.
 */
public final class BenchData {
    private static final String ROOT = "1.2.826.0.1.3680043.10.1401.9";

    private BenchData() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: BenchData DIR COUNT ROWS COLUMNS");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        int rows = Integer.parseInt(args[2]);
        int columns = Integer.parseInt(args[3]);
        long bytes = generate(dir, count, rows, columns);
        System.out.printf("%d files, %.1f KiB each, in %s%n", count, bytes / 1024.0 / count, dir);
    }

    /** Writes {@code count} files named {@code 00000.dcm}… into {@code dir}; returns the total size. */
    public static long generate(Path dir, int count, int rows, int columns) throws IOException {
        Files.createDirectories(dir);
        Attributes ds = SyntheticCt.dataset(rows, columns);
        String study = ROOT + "." + rows + "." + columns;
        ds.setString(Tag.STUDY_INSTANCE_UID, VR.UI, study);
        ds.setString(Tag.SERIES_INSTANCE_UID, VR.UI, study + ".1");
        ds.setString(Tag.PATIENT_ID, VR.LO, "BENCH" + rows);
        long total = 0;
        for (int i = 0; i < count; i++) {
            ds.setString(Tag.SOP_INSTANCE_UID, VR.UI, study + ".1." + (i + 1));
            ds.setString(Tag.INSTANCE_NUMBER, VR.IS, Integer.toString(i + 1));
            Path f = dir.resolve(String.format("%05d.dcm", i));
            try (DicomOutputStream out = new DicomOutputStream(new BufferedOutputStream(Files.newOutputStream(f), 64 * 1024))) {
                out.writeFile(new DicomFile(null, null, ds, TransferSyntax.EXPLICIT_VR_LE, true));
            }
            total += Files.size(f);
        }
        return total;
    }
}
