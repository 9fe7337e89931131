package cn.yunying.dicom.data;

/**
 * Value Representations of PS3.5 section 6.2.
 *
 * <p>Each constant knows how it is laid out on the wire: whether explicit-VR
 * encoding uses the 4-byte length form, the size of one binary unit (used to
 * swap byte order), the padding byte for odd lengths and whether the value is
 * text subject to the Specific Character Set.
 */
public enum VR {
    AE(Kind.ASCII, false, 0, ' '), AS(Kind.ASCII, false, 0, ' '), AT(Kind.BINARY, false, 2, 0),
    CS(Kind.ASCII, false, 0, ' '), DA(Kind.ASCII, false, 0, ' '), DS(Kind.ASCII, false, 0, ' '),
    DT(Kind.ASCII, false, 0, ' '), FD(Kind.BINARY, false, 8, 0), FL(Kind.BINARY, false, 4, 0),
    IS(Kind.ASCII, false, 0, ' '), LO(Kind.TEXT, false, 0, ' '), LT(Kind.TEXT, false, 0, ' '),
    OB(Kind.BINARY, true, 1, 0), OD(Kind.BINARY, true, 8, 0), OF(Kind.BINARY, true, 4, 0),
    OL(Kind.BINARY, true, 4, 0), OV(Kind.BINARY, true, 8, 0), OW(Kind.BINARY, true, 2, 0),
    PN(Kind.TEXT, false, 0, ' '), SH(Kind.TEXT, false, 0, ' '), SL(Kind.BINARY, false, 4, 0),
    SQ(Kind.SEQUENCE, true, 0, 0), SS(Kind.BINARY, false, 2, 0), ST(Kind.TEXT, false, 0, ' '),
    SV(Kind.BINARY, true, 8, 0), TM(Kind.ASCII, false, 0, ' '), UC(Kind.TEXT, true, 0, ' '),
    UI(Kind.ASCII, false, 0, 0), UL(Kind.BINARY, false, 4, 0), UN(Kind.BINARY, true, 1, 0),
    UR(Kind.ASCII, true, 0, ' '), US(Kind.BINARY, false, 2, 0), UT(Kind.TEXT, true, 0, ' '),
    UV(Kind.BINARY, true, 8, 0);

    /** How the value bytes are interpreted. */
    public enum Kind { ASCII, TEXT, BINARY, SEQUENCE }

    private static final VR[] BY_CODE = new VR[1 << 16];

    static {
        for (VR vr : values()) {
            BY_CODE[vr.code()] = vr;
        }
    }

    private final Kind kind;
    private final boolean longLength;
    private final int unitSize;
    private final byte padding;

    VR(Kind kind, boolean longLength, int unitSize, int padding) {
        this.kind = kind;
        this.longLength = longLength;
        this.unitSize = unitSize;
        this.padding = (byte) padding;
    }

    /** The two ASCII characters as a big-endian 16-bit number, as they appear in the stream. */
    public int code() {
        return name().charAt(0) << 8 | name().charAt(1);
    }

    /** Returns the VR for the two bytes read from an explicit-VR header, or null if unknown. */
    public static VR ofCode(int code) {
        return BY_CODE[code & 0xFFFF];
    }

    /** Returns the VR for a two-letter name, or null if unknown. */
    public static VR ofName(String name) {
        return name != null && name.length() == 2 ? ofCode(name.charAt(0) << 8 | name.charAt(1)) : null;
    }

    public Kind kind() {
        return kind;
    }

    /** True if explicit VR encoding uses 2 reserved bytes and a 32-bit length (PS3.5 7.1.2). */
    public boolean hasLongLength() {
        return longLength;
    }

    /** Byte width of one binary unit, for byte order conversion; 0 for text, 1 for bytes. */
    public int unitSize() {
        return unitSize;
    }

    /** Byte appended to odd-length values: NUL for UI and binary, space for text. */
    public byte paddingByte() {
        return padding;
    }

    public boolean isText() {
        return kind == Kind.TEXT || kind == Kind.ASCII;
    }

    /** True for text VRs whose bytes depend on the Specific Character Set. */
    public boolean usesSpecificCharacterSet() {
        return kind == Kind.TEXT;
    }

    /** True for text VRs that hold a single value (backslash is an ordinary character). */
    public boolean isSingleValuedText() {
        return this == LT || this == ST || this == UT || this == UR;
    }

    /** True for binary VRs that are bulk data candidates (OB, OW, OF, OD, OL, OV, UN). */
    public boolean isBulk() {
        return kind == Kind.BINARY && longLength && this != SV && this != UV;
    }
}
