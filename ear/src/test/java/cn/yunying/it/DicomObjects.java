package cn.yunying.it;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.UID;
import cn.yunying.dicom.data.VR;
import cn.yunying.dicom.io.DicomFile;
import cn.yunying.dicom.io.DicomOutputStream;
import cn.yunying.dicom.io.TransferSyntax;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/** Test objects built with our toolkit (names encoded as the sender would), and the STOW/WADO HTTP plumbing. */
final class DicomObjects {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DicomObjects() {
    }

    static String uid() {
        return "2.25." + new BigInteger(UUID.randomUUID().toString().replace("-", ""), 16);
    }

    /** A small secondary capture image; the patient name is encoded in {@code charset} (GB18030 or UTF-8). */
    static byte[] object(String charset, String patientName, String patientId, String studyUid, String seriesUid,
                         String sopUid, String modality, String studyDate, String comment) throws IOException {
        String dicomCharset = "GB18030".equals(charset) ? "GB18030" : "ISO_IR 192";
        Attributes ds = new Attributes();
        ds.setString(Tag.SPECIFIC_CHARACTER_SET, VR.CS, dicomCharset);
        ds.setString(Tag.SOP_CLASS_UID, VR.UI, UID.SECONDARY_CAPTURE_IMAGE_STORAGE);
        ds.setString(Tag.SOP_INSTANCE_UID, VR.UI, sopUid);
        ds.setString(Tag.STUDY_DATE, VR.DA, studyDate);
        ds.setString(Tag.STUDY_TIME, VR.TM, "101500");
        ds.setString(Tag.ACCESSION_NUMBER, VR.SH, "ACC" + Math.abs(studyUid.hashCode() % 100000));
        ds.setString(Tag.MODALITY, VR.CS, modality);
        ds.setBytes(Tag.PATIENT_NAME, VR.PN, even(patientName.getBytes(Charset.forName(
                "GB18030".equals(charset) ? "GB18030" : "UTF-8"))));
        ds.setString(Tag.PATIENT_ID, VR.LO, patientId);
        ds.setString(Tag.PATIENT_BIRTH_DATE, VR.DA, "19800101");
        ds.setString(Tag.PATIENT_SEX, VR.CS, "M");
        ds.setBytes(0x00204000, VR.LT, even(comment.getBytes(Charset.forName(
                "GB18030".equals(charset) ? "GB18030" : "UTF-8"))));
        ds.setString(Tag.STUDY_INSTANCE_UID, VR.UI, studyUid);
        ds.setString(Tag.SERIES_INSTANCE_UID, VR.UI, seriesUid);
        ds.setString(0x00200011, VR.IS, "1");
        ds.setString(Tag.INSTANCE_NUMBER, VR.IS, "1");
        ds.setInt(Tag.SAMPLES_PER_PIXEL, VR.US, 1);
        ds.setString(0x00280004, VR.CS, "MONOCHROME2");
        ds.setInt(Tag.ROWS, VR.US, 32);
        ds.setInt(Tag.COLUMNS, VR.US, 32);
        ds.setInt(Tag.BITS_ALLOCATED, VR.US, 16);
        ds.setInt(0x00280101, VR.US, 12);
        ds.setInt(0x00280102, VR.US, 11);
        ds.setInt(Tag.PIXEL_REPRESENTATION, VR.US, 0);
        byte[] pixels = new byte[32 * 32 * 2];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 7 + comment.length());
        }
        ds.setBytes(Tag.PIXEL_DATA, VR.OW, pixels);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DicomOutputStream out = new DicomOutputStream(bytes)) {
            out.writeFile(new DicomFile(null, null, ds, TransferSyntax.EXPLICIT_VR_LE, true));
        }
        return bytes.toByteArray();
    }

    private static byte[] even(byte[] value) {
        if (value.length % 2 == 0) {
            return value;
        }
        byte[] padded = java.util.Arrays.copyOf(value, value.length + 1);
        padded[value.length] = ' ';
        return padded;
    }

    static HttpResponse<String> stow(String user, byte[]... objects) throws Exception {
        String boundary = "it-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] object : objects) {
            body.write(("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            body.write(object);
            body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpRequest request = HttpRequest.newBuilder(URI.create(YunyingEar.PORTAL + "/dicomweb/studies"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", basic(user))
                .header("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=" + boundary)
                .header("Accept", "application/dicom+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<byte[]> getBytes(String path, String user) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(YunyingEar.PORTAL + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", basic(user)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A GET with an Accept header. */
    static HttpResponse<byte[]> getBytes(String path, String user, String accept) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(YunyingEar.PORTAL + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", basic(user)).header("Accept", accept).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<String> get(String path, String user) throws Exception {
        return YunyingEar.get(YunyingEar.PORTAL + path, user, YunyingEar.DEMO_PASSWORD);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + YunyingEar.DEMO_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Splits a multipart/related body into the bodies of its parts. */
    static java.util.List<byte[]> parts(byte[] body, String contentType) {
        String boundary = contentType.replaceAll(".*boundary=\"?([^\";]+)\"?.*", "$1");
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        java.util.List<byte[]> parts = new java.util.ArrayList<>();
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int start = at + delimiter.length;
            if (body[start] == '-') {
                break;
            }
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), start) + 4;
            int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII), headersEnd);
            parts.add(java.util.Arrays.copyOfRange(body, headersEnd, next));
            at = next + 2;
        }
        return parts;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
