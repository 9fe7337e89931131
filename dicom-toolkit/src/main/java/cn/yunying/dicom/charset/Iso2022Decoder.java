package cn.yunying.dicom.charset;

import java.io.ByteArrayOutputStream;

/**
 * Decodes text that uses ISO 2022 code extensions (PS3.5 6.1.2.5).
 *
 * <p>Designations switch on escape sequences and fall back to the initial ones
 * (given by the first value of Specific Character Set) at every delimiter the
 * caller names, and always at CR, LF, FF and TAB (PS3.5 6.1.2.5.3). While G0 holds
 * a two-byte set, bytes are consumed in pairs so that a 0x5C inside a kanji is not
 * mistaken for a backslash.
 */
final class Iso2022Decoder {
    private final CodeElement initialG0;
    private final CodeElement initialG1;

    Iso2022Decoder(CodeElement initialG0, CodeElement initialG1) {
        this.initialG0 = initialG0;
        this.initialG1 = initialG1;
    }

    String decode(byte[] b, int off, int len, String delimiters) {
        StringBuilder out = new StringBuilder(len);
        CodeElement g0 = initialG0;
        CodeElement g1 = initialG1;
        ByteArrayOutputStream run = new ByteArrayOutputStream();
        CodeElement runSet = null;
        int end = off + len;
        int i = off;
        while (i < end) {
            int c = b[i] & 0xFF;
            if (c == 0x1B) {
                flush(out, run, runSet);
                runSet = null;
                CodeElement designated = designation(b, i, end);
                if (designated == null) {
                    out.append('\uFFFD'); // unknown escape: skip only the ESC byte
                    i++;
                    continue;
                }
                if (designated.g0) {
                    g0 = designated;
                } else {
                    g1 = designated;
                }
                i += designated.escape.length;
                continue;
            }
            CodeElement set;
            int width;
            if (c < 0x80) {
                set = g0;
                width = g0.bytesPerChar == 2 && c > 0x20 ? 2 : 1;
                if (width == 1 && isDelimiter(c, delimiters)) {
                    flush(out, run, runSet);
                    runSet = null;
                    out.append((char) c);
                    g0 = initialG0;
                    g1 = initialG1;
                    i++;
                    continue;
                }
                if (width == 1 && set.bytesPerChar == 2) {
                    set = CodeElement.ASCII; // control characters and space inside a kanji run
                }
            } else {
                set = g1 == null ? CodeElement.LATIN1 : g1;
                width = set.bytesPerChar == 2 ? 2 : 1;
            }
            if (set != runSet) {
                flush(out, run, runSet);
                runSet = set;
            }
            if (i + width > end) {
                width = end - i; // truncated pair: let the charset emit a replacement
            }
            if (set == CodeElement.JIS_X0212) {
                run.write(0x8F);
            }
            for (int k = 0; k < width; k++) {
                int v = b[i + k] & 0xFF;
                run.write(set.g0 && set.bytesPerChar == 2 ? v | 0x80 : v);
            }
            i += width;
        }
        flush(out, run, runSet);
        return out.toString();
    }

    private static boolean isDelimiter(int c, String delimiters) {
        return c == '\r' || c == '\n' || c == '\f' || c == '\t' || delimiters.indexOf(c) >= 0;
    }

    private static CodeElement designation(byte[] b, int pos, int end) {
        for (CodeElement e : CodeElement.values()) {
            if (e.escapeMatches(b, pos, end)) {
                return e;
            }
        }
        return null;
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream run, CodeElement set) {
        if (run.size() == 0) {
            return;
        }
        out.append(new String(run.toByteArray(), set.charset));
        run.reset();
    }
}
