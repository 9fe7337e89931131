package cn.yunying.dicom.data;

/**
 * The UIDs the codec and its callers use most; everything else is in
 * {@link cn.yunying.dicom.dict.UidRegistry}.
 */
public final class UID {
    public static final String IMPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2";
    public static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
    public static final String ENCAPSULATED_UNCOMPRESSED_EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1.98";
    public static final String DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1.99";
    public static final String EXPLICIT_VR_BIG_ENDIAN = "1.2.840.10008.1.2.2";
    public static final String JPEG_BASELINE_8BIT = "1.2.840.10008.1.2.4.50";
    public static final String JPEG_LOSSLESS_SV1 = "1.2.840.10008.1.2.4.70";
    public static final String JPEG_LS_LOSSLESS = "1.2.840.10008.1.2.4.80";
    public static final String JPEG_2000_LOSSLESS = "1.2.840.10008.1.2.4.90";
    public static final String JPEG_2000 = "1.2.840.10008.1.2.4.91";
    public static final String HTJ2K_LOSSLESS = "1.2.840.10008.1.2.4.201";
    public static final String RLE_LOSSLESS = "1.2.840.10008.1.2.5";
    public static final String VERIFICATION = "1.2.840.10008.1.1";
    public static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";
    public static final String MR_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.4";
    public static final String SECONDARY_CAPTURE_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.7";
    /** Our implementation class UID, written into (0002,0012). */
    public static final String YUNYING_IMPLEMENTATION_CLASS = "2.25.231570954519979865235718797919579025076";
    public static final String YUNYING_IMPLEMENTATION_VERSION = "YUNYING_010";

    private UID() {
    }

    /** A new UID of the form 2.25.&lt;decimal of a random UUID&gt; (PS3.5 B.2), at most 44 characters. */
    public static String randomUid() {
        java.util.UUID uuid = java.util.UUID.randomUUID();
        java.math.BigInteger value = new java.math.BigInteger(1, java.nio.ByteBuffer.allocate(16)
                .putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array());
        return "2.25." + value;
    }

    /** True if the text is a syntactically valid UID: digits and dots, no leading zeros, at most 64 chars. */
    public static boolean isValid(String uid) {
        if (uid == null || uid.isEmpty() || uid.length() > 64) {
            return false;
        }
        for (String component : uid.split("\\.", -1)) {
            if (component.isEmpty() || component.length() > 1 && component.charAt(0) == '0'
                    || !component.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }
}
