package cn.yunying.dicom.net;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.UID;
import cn.yunying.dicom.data.VR;
import java.io.IOException;
import java.io.InputStream;

/**
 * An Explicit VR Little Endian data set of a given pixel data size, generated on the fly: a small
 * header followed by an OB Pixel Data element whose bytes are a function of their position, so the
 * receiver can verify every byte without anyone holding the object.
 */
class GeneratedObject extends InputStream {
    private final byte[] head;
    private final long pixelLength;
    private long pos;

    GeneratedObject(String iuid, long pixelLength) throws IOException {
        Attributes ds = new Attributes();
        ds.setString(Tag.SOP_CLASS_UID, VR.UI, UID.SECONDARY_CAPTURE_IMAGE_STORAGE);
        ds.setString(Tag.SOP_INSTANCE_UID, VR.UI, iuid);
        ds.setString(Tag.PATIENT_ID, VR.LO, "BIG");
        byte[] h = MemoryProvider.encode(ds, UID.EXPLICIT_VR_LITTLE_ENDIAN);
        head = new byte[h.length + 12];
        System.arraycopy(h, 0, head, 0, h.length);
        int i = h.length;
        byte[] el = {(byte) 0xE0, 0x7F, 0x10, 0x00, 'O', 'B', 0, 0, (byte) pixelLength, (byte) (pixelLength >>> 8),
                (byte) (pixelLength >>> 16), (byte) (pixelLength >>> 24)};
        System.arraycopy(el, 0, head, i, 12);
        this.pixelLength = pixelLength;
    }

    long length() {
        return head.length + pixelLength;
    }

    int headerLength() {
        return head.length;
    }

    /** The value of pixel byte {@code i}. */
    static byte pixel(long i) {
        return (byte) (i * 31 + (i >>> 11));
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (pos >= length()) {
            return -1;
        }
        int n = (int) Math.min(len, length() - pos);
        for (int k = 0; k < n; k++, pos++) {
            b[off + k] = pos < head.length ? head[(int) pos] : pixel(pos - head.length);
        }
        beforeReturning(pos);
        return n;
    }

    /** Hook for tests that want to act part-way through. */
    void beforeReturning(long position) throws IOException {
    }
}
