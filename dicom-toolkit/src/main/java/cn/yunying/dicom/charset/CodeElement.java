package cn.yunying.dicom.charset;

import java.nio.charset.Charset;

/**
 * Character repertoires named by the Defined Terms of Specific Character Set
 * (PS3.3 C.12.1.1.2) together with how ISO 2022 designates them.
 *
 * <p>Two-byte sets are decoded through the JDK's EUC charsets: bytes that arrive
 * in G0 (7-bit, JIS X 0208/0212) get their high bit set (and the SS3 prefix for
 * JIS X 0212) before decoding, bytes in G1 are already EUC.
 */
enum CodeElement {
    ASCII("ISO_IR 6", "ISO 2022 IR 6", "US-ASCII", true, 1, new byte[] {0x1B, 0x28, 0x42}),
    LATIN1("ISO_IR 100", "ISO 2022 IR 100", "ISO-8859-1", false, 1, esc1('A')),
    LATIN2("ISO_IR 101", "ISO 2022 IR 101", "ISO-8859-2", false, 1, esc1('B')),
    LATIN3("ISO_IR 109", "ISO 2022 IR 109", "ISO-8859-3", false, 1, esc1('C')),
    LATIN4("ISO_IR 110", "ISO 2022 IR 110", "ISO-8859-4", false, 1, esc1('D')),
    CYRILLIC("ISO_IR 144", "ISO 2022 IR 144", "ISO-8859-5", false, 1, esc1('L')),
    ARABIC("ISO_IR 127", "ISO 2022 IR 127", "ISO-8859-6", false, 1, esc1('G')),
    GREEK("ISO_IR 126", "ISO 2022 IR 126", "ISO-8859-7", false, 1, esc1('F')),
    HEBREW("ISO_IR 138", "ISO 2022 IR 138", "ISO-8859-8", false, 1, esc1('H')),
    LATIN5("ISO_IR 148", "ISO 2022 IR 148", "ISO-8859-9", false, 1, esc1('M')),
    LATIN9("ISO_IR 203", "ISO 2022 IR 203", "ISO-8859-15", false, 1, esc1('b')),
    THAI("ISO_IR 166", "ISO 2022 IR 166", "TIS-620", false, 1, esc1('T')),
    /** JIS X 0201 Katakana in G1; its Romaji half (ESC ( J) is {@link #JIS_ROMAN}. */
    KATAKANA("ISO_IR 13", "ISO 2022 IR 13", "JIS_X0201", false, 1, new byte[] {0x1B, 0x29, 0x49}),
    JIS_ROMAN(null, null, "JIS_X0201", true, 1, new byte[] {0x1B, 0x28, 0x4A}),
    JIS_X0208(null, "ISO 2022 IR 87", "EUC-JP", true, 2, new byte[] {0x1B, 0x24, 0x42}),
    JIS_X0212(null, "ISO 2022 IR 159", "EUC-JP", true, 2, new byte[] {0x1B, 0x24, 0x28, 0x44}),
    KS_X1001(null, "ISO 2022 IR 149", "EUC-KR", false, 2, new byte[] {0x1B, 0x24, 0x29, 0x43}),
    GB2312(null, "ISO 2022 IR 58", "GB2312", false, 2, new byte[] {0x1B, 0x24, 0x29, 0x41}),
    UTF8("ISO_IR 192", null, "UTF-8", false, 0, null),
    GB18030_CS("GB18030", null, "GB18030", false, 0, null),
    GBK_CS("GBK", null, "GBK", false, 0, null);

    final String term;
    final String iso2022Term;
    final Charset charset;
    final boolean g0;
    /** 1 or 2 for ISO 2022 sets; 0 for variable-length sets that forbid code extensions. */
    final int bytesPerChar;
    final byte[] escape;

    CodeElement(String term, String iso2022Term, String charset, boolean g0, int bytesPerChar, byte[] escape) {
        this.term = term;
        this.iso2022Term = iso2022Term;
        this.charset = Charset.forName(charset);
        this.g0 = g0;
        this.bytesPerChar = bytesPerChar;
        this.escape = escape;
    }

    private static byte[] esc1(char finalByte) {
        return new byte[] {0x1B, 0x2D, (byte) finalByte};
    }

    /** Finds the element for a Defined Term; null if unknown. Whitespace around the term is ignored. */
    static CodeElement forTerm(String value) {
        String t = value.strip();
        if (t.isEmpty()) {
            return ASCII;
        }
        for (CodeElement e : values()) {
            if (t.equals(e.term) || t.equals(e.iso2022Term)) {
                return e;
            }
        }
        // Tolerate the frequent misspellings "ISO_IR_100", "ISO IR 100" and "ISO-IR 100".
        String normalized = t.replace('-', '_').replace("ISO_IR_", "ISO_IR ").replace("ISO IR ", "ISO_IR ");
        for (CodeElement e : values()) {
            if (normalized.equals(e.term)) {
                return e;
            }
        }
        return null;
    }

    /** True if an escape sequence starting at {@code pos} designates this element. */
    boolean escapeMatches(byte[] b, int pos, int end) {
        if (escape == null || pos + escape.length > end) {
            return false;
        }
        for (int i = 0; i < escape.length; i++) {
            if (b[pos + i] != escape[i]) {
                return false;
            }
        }
        return true;
    }
}
