package cn.yunying.dicom;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Sequence;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.UID;
import cn.yunying.dicom.data.VR;
import cn.yunying.dicom.io.DicomFile;
import cn.yunying.dicom.io.DicomOutputStream;
import cn.yunying.dicom.io.TransferSyntax;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A realistic CT image (about 90 header attributes, nested sequences, 512x512
 * 16-bit pixel data) built in memory, for tests and benchmarks.
 */
public final class SyntheticCt {
    private SyntheticCt() {
    }

    public static Attributes dataset(int rows, int columns) {
        Attributes ds = new Attributes(false, 128);
        ds.setString(Tag.SPECIFIC_CHARACTER_SET, VR.CS, "ISO_IR 192");
        ds.setString(Tag.IMAGE_TYPE, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        ds.setString(0x00080012, VR.DA, "20240315");
        ds.setString(0x00080013, VR.TM, "101530.123");
        ds.setString(Tag.SOP_CLASS_UID, VR.UI, UID.CT_IMAGE_STORAGE);
        ds.setString(Tag.SOP_INSTANCE_UID, VR.UI, "1.2.826.0.1.3680043.10.1401.2.20240315.101530.1.1");
        ds.setString(Tag.STUDY_DATE, VR.DA, "20240315");
        ds.setString(0x00080021, VR.DA, "20240315");
        ds.setString(0x00080022, VR.DA, "20240315");
        ds.setString(0x00080023, VR.DA, "20240315");
        ds.setString(Tag.STUDY_TIME, VR.TM, "101500");
        ds.setString(0x00080031, VR.TM, "101510");
        ds.setString(0x00080032, VR.TM, "101520");
        ds.setString(0x00080033, VR.TM, "101530");
        ds.setString(Tag.ACCESSION_NUMBER, VR.SH, "A20240315001");
        ds.setString(Tag.MODALITY, VR.CS, "CT");
        ds.setString(0x00080070, VR.LO, "Yunying Medical Systems");
        ds.setString(0x00080080, VR.LO, "云影区域影像中心");
        ds.setString(0x00080090, VR.PN, "李^医生");
        ds.setString(0x00081010, VR.SH, "CT01");
        ds.setString(0x00081030, VR.LO, "胸部 CT 平扫");
        ds.setString(0x0008103E, VR.LO, "Thorax 1.0 B70f");
        ds.setString(0x00081090, VR.LO, "SOMATOM");
        Sequence codes = ds.newSequence(0x00081032, 1);
        Attributes code = codes.addNew();
        code.setString(0x00080100, VR.SH, "CTCHEST");
        code.setString(0x00080102, VR.SH, "99YY");
        code.setString(0x00080104, VR.LO, "CT Chest");
        Sequence refs = ds.newSequence(0x00081140, 2);
        for (int i = 0; i < 2; i++) {
            Attributes ref = refs.addNew();
            ref.setString(0x00081150, VR.UI, UID.CT_IMAGE_STORAGE);
            ref.setString(0x00081155, VR.UI, "1.2.826.0.1.3680043.10.1401.2.20240315.101530.1." + (i + 2));
        }
        ds.setString(Tag.PATIENT_NAME, VR.PN, "Wang^XiaoMing=王^小明");
        ds.setString(Tag.PATIENT_ID, VR.LO, "P000123456");
        ds.setString(Tag.PATIENT_BIRTH_DATE, VR.DA, "19700101");
        ds.setString(Tag.PATIENT_SEX, VR.CS, "M");
        ds.setString(0x00101010, VR.AS, "054Y");
        ds.setString(0x00101030, VR.DS, "72.5");
        ds.setString(0x00180015, VR.CS, "CHEST");
        ds.setString(0x00180050, VR.DS, "1.0");
        ds.setString(0x00180060, VR.DS, "120");
        ds.setString(0x00180090, VR.DS, "500");
        ds.setString(0x00181020, VR.LO, "syngo CT 2024");
        ds.setString(0x00181100, VR.DS, "350");
        ds.setString(0x00181110, VR.DS, "1085.6");
        ds.setString(0x00181111, VR.DS, "595");
        ds.setString(0x00181120, VR.DS, "0");
        ds.setString(0x00181130, VR.DS, "152");
        ds.setString(0x00181140, VR.CS, "CW");
        ds.setString(0x00181150, VR.IS, "500");
        ds.setString(0x00181151, VR.IS, "180");
        ds.setString(0x00181152, VR.IS, "90");
        ds.setString(0x00181160, VR.SH, "FILTER_B");
        ds.setString(0x00181170, VR.IS, "24");
        ds.setString(0x00181190, VR.DS, "1.2");
        ds.setString(0x00181210, VR.SH, "B70f");
        ds.setString(0x00185100, VR.CS, "FFS");
        ds.setString(Tag.STUDY_INSTANCE_UID, VR.UI, "1.2.826.0.1.3680043.10.1401.2.20240315.1");
        ds.setString(Tag.SERIES_INSTANCE_UID, VR.UI, "1.2.826.0.1.3680043.10.1401.2.20240315.1.1");
        ds.setString(0x00200010, VR.SH, "S1");
        ds.setString(0x00200011, VR.IS, "1");
        ds.setString(0x00200012, VR.IS, "1");
        ds.setString(Tag.INSTANCE_NUMBER, VR.IS, "1");
        ds.setString(0x00200032, VR.DS, "-175.0", "-175.0", "-120.5");
        ds.setString(0x00200037, VR.DS, "1", "0", "0", "0", "1", "0");
        ds.setString(0x00200052, VR.UI, "1.2.826.0.1.3680043.10.1401.2.20240315.1.9");
        ds.setString(0x00201040, VR.LO, "");
        ds.setString(0x00201041, VR.DS, "-120.5");
        ds.setInt(Tag.SAMPLES_PER_PIXEL, VR.US, 1);
        ds.setString(0x00280004, VR.CS, "MONOCHROME2");
        ds.setInt(Tag.ROWS, VR.US, rows);
        ds.setInt(Tag.COLUMNS, VR.US, columns);
        ds.setString(0x00280030, VR.DS, "0.683594", "0.683594");
        ds.setInt(Tag.BITS_ALLOCATED, VR.US, 16);
        ds.setInt(0x00280101, VR.US, 12);
        ds.setInt(0x00280102, VR.US, 11);
        ds.setInt(Tag.PIXEL_REPRESENTATION, VR.US, 0);
        ds.setString(0x00281050, VR.DS, "40", "400");
        ds.setString(0x00281051, VR.DS, "400", "1500");
        ds.setString(0x00281052, VR.DS, "-1024");
        ds.setString(0x00281053, VR.DS, "1");
        ds.setString(0x00290010, VR.LO, "YUNYING PRIVATE");
        ds.setString(0x00291001, VR.LO, "reconstruction kernel B70f");
        ds.setInt(0x00291002, VR.US, 3);
        byte[] pixels = new byte[rows * columns * 2];
        for (int i = 0; i < rows * columns; i++) {
            int v = (i * 31 + (i / columns) * 17) & 0x0FFF;
            pixels[2 * i] = (byte) v;
            pixels[2 * i + 1] = (byte) (v >> 8);
        }
        ds.setBytes(Tag.PIXEL_DATA, VR.OW, pixels);
        return ds;
    }

    /** The CT as a Part 10 file in explicit VR little endian. */
    public static byte[] part10(int rows, int columns) {
        Attributes ds = dataset(rows, columns);
        ByteArrayOutputStream out = new ByteArrayOutputStream(rows * columns * 2 + 4096);
        try {
            new DicomOutputStream(out).writeFile(new DicomFile(null, null, ds, TransferSyntax.EXPLICIT_VR_LE, true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
