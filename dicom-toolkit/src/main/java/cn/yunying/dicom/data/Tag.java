package cn.yunying.dicom.data;

/**
 * Tags as plain {@code int}s ({@code group << 16 | element}) plus the handful of
 * constants the codec itself needs. Every other tag can be looked up by keyword
 * through {@link cn.yunying.dicom.dict.ElementDictionary#tagOf(String)}; keeping
 * them out of a 5000-constant class keeps compile time and class size small.
 */
public final class Tag {
    public static final int FILE_META_INFORMATION_GROUP_LENGTH = 0x00020000;
    public static final int FILE_META_INFORMATION_VERSION = 0x00020001;
    public static final int MEDIA_STORAGE_SOP_CLASS_UID = 0x00020002;
    public static final int MEDIA_STORAGE_SOP_INSTANCE_UID = 0x00020003;
    public static final int TRANSFER_SYNTAX_UID = 0x00020010;
    public static final int IMPLEMENTATION_CLASS_UID = 0x00020012;
    public static final int IMPLEMENTATION_VERSION_NAME = 0x00020013;
    public static final int SOURCE_APPLICATION_ENTITY_TITLE = 0x00020016;
    public static final int SPECIFIC_CHARACTER_SET = 0x00080005;
    public static final int IMAGE_TYPE = 0x00080008;
    public static final int SOP_CLASS_UID = 0x00080016;
    public static final int SOP_INSTANCE_UID = 0x00080018;
    public static final int FAILED_SOP_INSTANCE_UID_LIST = 0x00080058;
    public static final int STUDY_DATE = 0x00080020;
    public static final int STUDY_TIME = 0x00080030;
    public static final int ACCESSION_NUMBER = 0x00080050;
    public static final int MODALITY = 0x00080060;
    public static final int PATIENT_NAME = 0x00100010;
    public static final int PATIENT_ID = 0x00100020;
    public static final int PATIENT_BIRTH_DATE = 0x00100030;
    public static final int PATIENT_SEX = 0x00100040;
    public static final int STUDY_INSTANCE_UID = 0x0020000D;
    public static final int SERIES_INSTANCE_UID = 0x0020000E;
    public static final int INSTANCE_NUMBER = 0x00200013;
    public static final int SAMPLES_PER_PIXEL = 0x00280002;
    public static final int NUMBER_OF_FRAMES = 0x00280008;
    public static final int ROWS = 0x00280010;
    public static final int COLUMNS = 0x00280011;
    public static final int BITS_ALLOCATED = 0x00280100;
    public static final int PIXEL_REPRESENTATION = 0x00280103;
    public static final int FLOAT_PIXEL_DATA = 0x7FE00008;
    public static final int DOUBLE_FLOAT_PIXEL_DATA = 0x7FE00009;
    public static final int PIXEL_DATA = 0x7FE00010;
    public static final int DATA_SET_TRAILING_PADDING = 0xFFFCFFFC;
    public static final int ITEM = 0xFFFEE000;
    public static final int ITEM_DELIMITATION_ITEM = 0xFFFEE00D;
    public static final int SEQUENCE_DELIMITATION_ITEM = 0xFFFEE0DD;

    private Tag() {
    }

    public static int of(int group, int element) {
        return (group & 0xFFFF) << 16 | element & 0xFFFF;
    }

    public static int group(int tag) {
        return tag >>> 16;
    }

    public static int element(int tag) {
        return tag & 0xFFFF;
    }

    /** Private data elements live in odd groups above 0x0008 (PS3.5 7.8). */
    public static boolean isPrivate(int tag) {
        int group = group(tag);
        return (group & 1) != 0 && group > 0x0008 && group != 0xFFFF;
    }

    /** (gggg,0010)-(gggg,00FF) in a private group reserve a block for a creator. */
    public static boolean isPrivateCreator(int tag) {
        int element = element(tag);
        return isPrivate(tag) && element >= 0x10 && element <= 0xFF;
    }

    /** The creator element that reserves the block a private data element belongs to, or -1. */
    public static int creatorOf(int tag) {
        int element = element(tag);
        if (!isPrivate(tag) || element < 0x1000) {
            return -1;
        }
        return (tag & 0xFFFF0000) | element >>> 8;
    }

    public static boolean isGroupLength(int tag) {
        return element(tag) == 0;
    }

    /** Formats as {@code (GGGG,EEEE)}. */
    public static String toString(int tag) {
        char[] out = {'(', 0, 0, 0, 0, ',', 0, 0, 0, 0, ')'};
        hex(tag >>> 16, out, 1);
        hex(tag, out, 6);
        return new String(out);
    }

    /** Formats as eight upper-case hex digits, the form used by DICOM JSON and XML. */
    public static String toHex(int tag) {
        char[] out = new char[8];
        hex(tag >>> 16, out, 0);
        hex(tag, out, 4);
        return new String(out);
    }

    /** Parses {@code GGGGEEEE}, {@code (GGGG,EEEE)} or {@code GGGG,EEEE}. */
    public static int parse(String text) {
        String digits = text.replace("(", "").replace(")", "").replace(",", "").trim();
        if (digits.length() != 8) {
            throw new IllegalArgumentException("not a tag: " + text);
        }
        return (int) Long.parseLong(digits, 16);
    }

    private static void hex(int value, char[] out, int offset) {
        for (int i = 0; i < 4; i++) {
            out[offset + i] = Character.toUpperCase(Character.forDigit(value >>> (12 - 4 * i) & 0xF, 16));
        }
    }
}
