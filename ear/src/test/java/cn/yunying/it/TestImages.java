package cn.yunying.it;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.UID;
import cn.yunying.dicom.data.VR;
import cn.yunying.dicom.io.DicomFile;
import cn.yunying.dicom.io.DicomFiles;
import cn.yunying.dicom.io.DicomOutputStream;
import cn.yunying.dicom.io.TransferSyntax;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** Images a viewer can show: a 256 x 256 12-bit gradient, and existing files with new UIDs (made with our toolkit). */
final class TestImages {

    static final int SIZE = 256;

    private TestImages() {
    }

    /** (x + y) * 8: 0 to 4080, little endian, shown with window centre 2048 and width 4096. */
    static byte[] gradientPixels() {
        byte[] pixels = new byte[SIZE * SIZE * 2];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int v = (x + y) * 8;
                pixels[2 * (y * SIZE + x)] = (byte) v;
                pixels[2 * (y * SIZE + x) + 1] = (byte) (v >> 8);
            }
        }
        return pixels;
    }

    /** An uncompressed MONOCHROME2 CT-like image with the gradient; names in UTF-8. */
    static byte[] gradient(String patientName, String patientId, String studyUid, String seriesUid, String sopUid,
                           String modality) throws IOException {
        Attributes ds = new Attributes();
        ds.setString(Tag.SPECIFIC_CHARACTER_SET, VR.CS, "ISO_IR 192");
        ds.setString(Tag.SOP_CLASS_UID, VR.UI, UID.SECONDARY_CAPTURE_IMAGE_STORAGE);
        ds.setString(Tag.SOP_INSTANCE_UID, VR.UI, sopUid);
        ds.setString(Tag.STUDY_DATE, VR.DA, "20261123");
        ds.setString(Tag.STUDY_TIME, VR.TM, "093000");
        ds.setString(Tag.MODALITY, VR.CS, modality);
        ds.setString(Tag.PATIENT_NAME, VR.PN, patientName);
        ds.setString(Tag.PATIENT_ID, VR.LO, patientId);
        ds.setString(Tag.STUDY_INSTANCE_UID, VR.UI, studyUid);
        ds.setString(Tag.SERIES_INSTANCE_UID, VR.UI, seriesUid);
        ds.setString(0x00200011, VR.IS, "1");
        ds.setString(Tag.INSTANCE_NUMBER, VR.IS, "1");
        ds.setInt(Tag.SAMPLES_PER_PIXEL, VR.US, 1);
        ds.setString(0x00280004, VR.CS, "MONOCHROME2");
        ds.setInt(Tag.ROWS, VR.US, SIZE);
        ds.setInt(Tag.COLUMNS, VR.US, SIZE);
        ds.setInt(Tag.BITS_ALLOCATED, VR.US, 16);
        ds.setInt(0x00280101, VR.US, 12);
        ds.setInt(0x00280102, VR.US, 11);
        ds.setInt(Tag.PIXEL_REPRESENTATION, VR.US, 0);
        ds.setString(0x00281050, VR.DS, "2048");
        ds.setString(0x00281051, VR.DS, "4096");
        ds.setBytes(Tag.PIXEL_DATA, VR.OW, gradientPixels());
        return write(new DicomFile(null, null, ds, TransferSyntax.EXPLICIT_VR_LE, true));
    }

    /**
     * The file with the given study, series and SOP instance UIDs and a patient ID of its own (so that a viewer lists
     * no other study of pydicom's shared test patients next to it), in its own transfer syntax.
     */
    static byte[] withNewUids(byte[] part10, String studyUid, String seriesUid, String sopUid) throws IOException {
        DicomFile file = DicomFiles.parse(part10);
        Attributes ds = file.dataset();
        ds.setString(Tag.PATIENT_ID, VR.LO, "TI-" + Integer.toHexString(studyUid.hashCode()));
        ds.setString(Tag.STUDY_INSTANCE_UID, VR.UI, studyUid);
        ds.setString(Tag.SERIES_INSTANCE_UID, VR.UI, seriesUid);
        ds.setString(Tag.SOP_INSTANCE_UID, VR.UI, sopUid);
        file.fileMetaInformation().setString(0x00020003, VR.UI, ds.getString(Tag.SOP_INSTANCE_UID));
        return write(file);
    }

    private static byte[] write(DicomFile file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DicomOutputStream out = new DicomOutputStream(bytes)) {
            out.writeFile(file);
        }
        return bytes.toByteArray();
    }
}
