import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.VR;
import cn.yunying.dicom.io.DicomFile;
import cn.yunying.dicom.io.DicomFiles;
import cn.yunying.dicom.io.DicomOutputStream;
import cn.yunying.dicom.io.TransferSyntax;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Demo studies for a fresh Yunying (run by bin/demo-studies with the toolkit on the class path): a CT, an MR and a
 * chest radiograph drawn here (uncompressed, Chinese names), and JPEG / RLE images taken from pydicom's test files
 * when they are installed. Stored with STOW-RS; the UIDs and bytes are always the same, so a second run changes
 * nothing (identical duplicates are ignored). Usage: java -cp dicom-toolkit.jar DemoStudies.java URL USER PASSWORD
 */
public class DemoStudies {

    private static final String ROOT = "2.25.1720260523";
    private static final Path PYDICOM = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    public static void main(String[] args) throws Exception {
        String url = args[0].replaceAll("/+$", "");
        String auth = "Basic " + Base64.getEncoder().encodeToString((args[1] + ":" + args[2])
                .getBytes(StandardCharsets.UTF_8));
        List<Study> studies = List.of(
                new Study("CT", "张^伟=张^伟", "DEMO-CT-01", "19620314", "M", "胸部CT平扫", 1, 24),
                new Study("MR", "李^娜=李^娜", "DEMO-MR-01", "19850921", "F", "头颅MRI", 2, 16),
                new Study("CR", "王^芳=王^芳", "DEMO-CR-01", "19900102", "F", "胸部正位片", 3, 1));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (Study study : studies) {
            List<byte[]> objects = new ArrayList<>();
            for (int i = 1; i <= study.images; i++) {
                objects.add(study.image(i));
            }
            stow(http, url, auth, study.description + " (" + study.modality + ", " + study.images + ")", objects);
        }
        List<byte[]> compressed = new ArrayList<>();
        int n = 0;
        for (String file : List.of("SC_rgb_jpeg_dcmtk.dcm", "MR_small_RLE.dcm", "JPEG-lossy.dcm")) {
            if (Files.isReadable(PYDICOM.resolve(file))) {
                compressed.add(renamed(Files.readAllBytes(PYDICOM.resolve(file)), ++n));
            }
        }
        if (compressed.isEmpty()) {
            System.out.println("  (pydicom's test files are not installed: no JPEG/RLE demo study)");
        } else {
            stow(http, url, auth, "压缩图像示例 JPEG/RLE (" + compressed.size() + ")", compressed);
        }
    }

    /** One series of generated images: a simple phantom per modality. */
    record Study(String modality, String name, String patientId, String birthDate, String sex, String description,
                 int number, int images) {

        String studyUid() {
            return ROOT + ".1." + number;
        }

        byte[] image(int index) throws IOException {
            int size = "CR".equals(modality) ? 512 : 256;
            Attributes ds = new Attributes();
            ds.setString(0x00080005, VR.CS, "ISO_IR 192");
            ds.setString(0x00080016, VR.UI, switch (modality) {
                case "CT" -> "1.2.840.10008.5.1.4.1.1.2";
                case "MR" -> "1.2.840.10008.5.1.4.1.1.4";
                default -> "1.2.840.10008.5.1.4.1.1.1";
            });
            ds.setString(0x00080018, VR.UI, studyUid() + ".1." + index);
            ds.setString(0x00080020, VR.DA, "20261120");
            ds.setString(0x00080030, VR.TM, "0930" + String.format("%02d", number));
            ds.setString(0x00080050, VR.SH, "DEMO" + number);
            ds.setString(0x00080060, VR.CS, modality);
            ds.setString(0x00081030, VR.LO, description);
            ds.setString(0x0008103E, VR.LO, description);
            ds.setString(0x00100010, VR.PN, name);
            ds.setString(0x00100020, VR.LO, patientId);
            ds.setString(0x00100030, VR.DA, birthDate);
            ds.setString(0x00100040, VR.CS, sex);
            ds.setString(0x0020000D, VR.UI, studyUid());
            ds.setString(0x0020000E, VR.UI, studyUid() + ".1");
            ds.setString(0x00200010, VR.SH, String.valueOf(number));
            ds.setString(0x00200011, VR.IS, "1");
            ds.setString(0x00200013, VR.IS, String.valueOf(index));
            ds.setString(0x00200020, VR.CS, "L\\P");
            if (!"CR".equals(modality)) {
                ds.setString(0x00180050, VR.DS, "5");
                ds.setString(0x00200032, VR.DS, "-128\\-128\\" + (index * 5));
                ds.setString(0x00200037, VR.DS, "1\\0\\0\\0\\1\\0");
                ds.setString(0x00201041, VR.DS, String.valueOf(index * 5));
            }
            ds.setString(0x00280030, VR.DS, "CR".equals(modality) ? "0.7\\0.7" : "1\\1");
            ds.setInt(0x00280002, VR.US, 1);
            ds.setString(0x00280004, VR.CS, "MONOCHROME2");
            ds.setInt(0x00280010, VR.US, size);
            ds.setInt(0x00280011, VR.US, size);
            ds.setInt(0x00280100, VR.US, 16);
            ds.setInt(0x00280101, VR.US, 12);
            ds.setInt(0x00280102, VR.US, 11);
            ds.setInt(0x00280103, VR.US, 0);
            if ("CT".equals(modality)) {
                ds.setString(0x00281052, VR.DS, "-1024");
                ds.setString(0x00281053, VR.DS, "1");
                ds.setString(0x00281054, VR.LO, "HU");
                ds.setString(0x00281050, VR.DS, "40");
                ds.setString(0x00281051, VR.DS, "400");
            } else {
                ds.setString(0x00281050, VR.DS, "1024");
                ds.setString(0x00281051, VR.DS, "2048");
            }
            ds.setBytes(0x7FE00010, VR.OW, pixels(size, index));
            return write(new DicomFile(null, null, ds, TransferSyntax.EXPLICIT_VR_LE, true));
        }

        private byte[] pixels(int size, int index) {
            byte[] out = new byte[size * size * 2];
            double slice = (index - images / 2.0) / Math.max(1, images);
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    double u = (x - size / 2.0) / (size / 2.0);
                    double v = (y - size / 2.0) / (size / 2.0);
                    int value = Math.max(0, Math.min(4095, value(u, v, slice)));
                    out[2 * (y * size + x)] = (byte) value;
                    out[2 * (y * size + x) + 1] = (byte) (value >> 8);
                }
            }
            return out;
        }

        /** The phantom at (u, v) in -1..1: CT in HU + 1024, MR and CR as plain intensities. */
        private int value(double u, double v, double slice) {
            boolean body = u * u / 0.8 + v * v / 0.5 < 1;
            switch (modality) {
                case "CT" -> {
                    if (!body) {
                        return 24;
                    }
                    double lung = 0.18 - slice * slice * 0.3;
                    boolean lungs = Math.pow(Math.abs(u) - 0.42, 2) / 0.09 + v * v / 0.16 < lung / 0.18;
                    boolean spine = u * u + Math.pow(v - 0.45, 2) < 0.012;
                    boolean heart = Math.pow(u + 0.1, 2) + Math.pow(v + 0.05, 2) < 0.05;
                    return spine ? 1024 + 700 : heart ? 1024 + 60 : lungs ? 1024 - 820 : 1024 + 40;
                }
                case "MR" -> {
                    double r = 0.85 - Math.abs(slice) * 0.6;
                    double d = u * u / (r * 0.9) + v * v / r;
                    if (d > 1) {
                        return 0;
                    }
                    if (d > 0.85) {
                        return 300;
                    }
                    boolean ventricle = Math.pow(Math.abs(u) - 0.12, 2) / 0.01 + v * v / 0.08 < 1;
                    return ventricle ? 1900 : 1100 + (int) (200 * Math.sin(8 * u) * Math.cos(6 * v));
                }
                default -> {
                    boolean lungs = Math.pow(Math.abs(u) - 0.4, 2) / 0.08 + Math.pow(v + 0.05, 2) / 0.35 < 1;
                    int ribs = (int) (120 * Math.max(0, Math.sin(v * 22)));
                    return !body && Math.abs(u) > 0.9 ? 200 : lungs ? 500 + ribs : 1700 + ribs;
                }
            }
        }
    }

    /** A pydicom test file with demo UIDs and a demo patient, in its own transfer syntax. */
    private static byte[] renamed(byte[] part10, int index) throws IOException {
        DicomFile file = DicomFiles.parse(part10);
        Attributes ds = file.dataset();
        String study = ROOT + ".1.4";
        ds.setString(0x00080005, VR.CS, "ISO_IR 192");
        ds.setString(0x00100010, VR.PN, "刘^洋=刘^洋");
        ds.setString(0x00100020, VR.LO, "DEMO-CMP-01");
        ds.setString(0x00100030, VR.DA, "19781111");
        ds.setString(0x00100040, VR.CS, "M");
        ds.setString(0x00080020, VR.DA, "20261121");
        ds.setString(0x00081030, VR.LO, "压缩图像示例");
        ds.setString(0x0020000D, VR.UI, study);
        ds.setString(0x0020000E, VR.UI, study + "." + index);
        ds.setString(0x00080018, VR.UI, study + "." + index + ".1");
        ds.setString(0x00200011, VR.IS, String.valueOf(index));
        file.fileMetaInformation().setString(0x00020003, VR.UI, study + "." + index + ".1");
        return write(file);
    }

    private static byte[] write(DicomFile file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DicomOutputStream out = new DicomOutputStream(bytes)) {
            out.writeFile(file);
        }
        return bytes.toByteArray();
    }

    private static void stow(HttpClient http, String url, String auth, String label, List<byte[]> objects)
            throws Exception {
        String boundary = "demo-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] object : objects) {
            body.write(("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            body.write(object);
            body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/dicomweb/studies"))
                .timeout(Duration.ofSeconds(120)).header("Authorization", auth)
                .header("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=" + boundary)
                .header("Accept", "application/dicom+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("STOW-RS of " + label + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        System.out.println("  stored " + label);
    }
}
