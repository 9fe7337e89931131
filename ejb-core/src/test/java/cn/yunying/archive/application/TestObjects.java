package cn.yunying.archive.application;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.UID;
import cn.yunying.dicom.data.VR;
import cn.yunying.dicom.io.DicomFile;
import cn.yunying.dicom.io.DicomOutputStream;
import cn.yunying.dicom.io.TransferSyntax;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;

/** Small Part 10 objects for the archive's unit tests. */
final class TestObjects {

    private TestObjects() {
    }

    static Attributes dataset(String sop, String pixelSeed) {
        Attributes ds = new Attributes();
        ds.setString(Tag.SPECIFIC_CHARACTER_SET, VR.CS, "GB18030");
        ds.setString(Tag.SOP_CLASS_UID, VR.UI, UID.SECONDARY_CAPTURE_IMAGE_STORAGE);
        ds.setString(Tag.SOP_INSTANCE_UID, VR.UI, sop);
        ds.setString(Tag.STUDY_DATE, VR.DA, "20240315");
        ds.setString(Tag.MODALITY, VR.CS, "CT");
        ds.setBytes(Tag.PATIENT_NAME, VR.PN, "张三^四".getBytes(Charset.forName("GB18030")));
        ds.setString(Tag.PATIENT_ID, VR.LO, "P1");
        ds.setString(Tag.STUDY_INSTANCE_UID, VR.UI, "1.2.3");
        ds.setString(Tag.SERIES_INSTANCE_UID, VR.UI, "1.2.3.4");
        byte[] pixels = new byte[4096];
        pixels[0] = (byte) pixelSeed.hashCode();
        ds.setBytes(Tag.PIXEL_DATA, VR.OW, pixels);
        return ds;
    }

    static byte[] part10(String sop, String pixelSeed) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DicomOutputStream out = new DicomOutputStream(bytes)) {
            out.writeFile(new DicomFile(null, null, dataset(sop, pixelSeed), TransferSyntax.EXPLICIT_VR_LE, true));
        }
        return bytes.toByteArray();
    }

    static byte[] bareDataSet(String sop) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DicomOutputStream out = new DicomOutputStream(bytes)) {
            out.writeDataSet(dataset(sop, "x"), TransferSyntax.IMPLICIT_VR_LE);
        }
        return bytes.toByteArray();
    }
}
