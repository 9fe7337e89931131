package cn.yunying.dicom.io;

import cn.yunying.dicom.data.UID;
import cn.yunying.dicom.dict.UidEntry;
import cn.yunying.dicom.dict.UidRegistry;

/**
 * How a data set is encoded: VR explicit or implicit, byte order, deflate, and
 * whether pixel data is encapsulated. Every transfer syntax other than the four
 * native ones is treated as encapsulated (JPEG family, JPEG-LS, JPEG 2000, HTJ2K,
 * RLE, MPEG2/MPEG4/HEVC and any not yet registered), which is what PS3.5 10 says.
 *
 * @param uid          the transfer syntax UID
 * @param explicitVR   true if VRs are in the stream
 * @param bigEndian    true for Explicit VR Big Endian
 * @param deflated     true if the data set is deflate-compressed after the meta information
 * @param encapsulated true if pixel data is in fragments
 */
public record TransferSyntax(String uid, boolean explicitVR, boolean bigEndian, boolean deflated, boolean encapsulated) {
    public static final TransferSyntax IMPLICIT_VR_LE = new TransferSyntax(UID.IMPLICIT_VR_LITTLE_ENDIAN, false, false, false, false);
    public static final TransferSyntax EXPLICIT_VR_LE = new TransferSyntax(UID.EXPLICIT_VR_LITTLE_ENDIAN, true, false, false, false);
    public static final TransferSyntax EXPLICIT_VR_BE = new TransferSyntax(UID.EXPLICIT_VR_BIG_ENDIAN, true, true, false, false);
    public static final TransferSyntax DEFLATED_EXPLICIT_VR_LE =
            new TransferSyntax(UID.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, true, false, true, false);

    /** The transfer syntax for a UID (unknown UIDs: explicit VR LE, encapsulated). */
    public static TransferSyntax of(String uid) {
        String u = uid == null ? "" : uid.strip();
        switch (u) {
            case UID.IMPLICIT_VR_LITTLE_ENDIAN:
                return IMPLICIT_VR_LE;
            case UID.EXPLICIT_VR_LITTLE_ENDIAN:
                return EXPLICIT_VR_LE;
            case UID.EXPLICIT_VR_BIG_ENDIAN:
                return EXPLICIT_VR_BE;
            case UID.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN:
                return DEFLATED_EXPLICIT_VR_LE;
            case "1.2.840.10008.1.2.4.95": // JPIP Referenced Deflate: deflated, pixel data by reference
                return new TransferSyntax(u, true, false, true, false);
            case "1.2.840.10008.1.2.4.94": // JPIP Referenced: no pixel data in the stream
                return new TransferSyntax(u, true, false, false, false);
            default:
                return new TransferSyntax(u, true, false, false, true);
        }
    }

    /** True if the UID is in the PS3.6 registry as a transfer syntax. */
    public boolean isRegistered() {
        UidEntry e = UidRegistry.standard().entry(uid);
        return e != null && e.isTransferSyntax();
    }

    @Override
    public String toString() {
        return uid + " (" + UidRegistry.nameOf(uid) + ")";
    }
}
