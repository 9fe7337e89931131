package cn.yunying.dicom.charset;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharsetEncoder;
import java.util.List;

/**
 * Encodes text with ISO 2022 code extensions: ASCII stays in G0, other characters
 * are written in the first listed repertoire that can represent them, preceded by
 * its escape sequence when it is not the active one. After every delimiter the
 * designations are back to the initial ones, as a decoder will assume.
 */
final class Iso2022Encoder {
    private final List<CodeElement> sets;
    private final CodeElement initialG0;
    private final CodeElement initialG1;

    Iso2022Encoder(List<CodeElement> sets, CodeElement initialG0, CodeElement initialG1) {
        this.sets = sets;
        this.initialG0 = initialG0;
        this.initialG1 = initialG1;
    }

    byte[] encode(String text, String delimiters) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 2);
        CodeElement g0 = initialG0;
        CodeElement g1 = initialG1;
        CharsetEncoder[] encoders = new CharsetEncoder[sets.size()];
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            i += ch.length();
            if (cp < 0x80) {
                if (g0 != CodeElement.ASCII) {
                    out.writeBytes(CodeElement.ASCII.escape);
                    g0 = CodeElement.ASCII;
                }
                out.write(cp);
                if (cp == '\r' || cp == '\n' || cp == '\f' || cp == '\t' || delimiters.indexOf(cp) >= 0) {
                    g0 = initialG0;
                    g1 = initialG1;
                }
                continue;
            }
            int index = findEncoder(ch, encoders);
            if (index < 0) {
                out.write('?');
                continue;
            }
            CodeElement set = sets.get(index);
            if (set.g0 ? g0 != set : g1 != set) {
                out.writeBytes(set.escape);
                if (set.g0) {
                    g0 = set;
                } else {
                    g1 = set;
                }
            }
            byte[] bytes = ch.getBytes(set.charset);
            int start = set == CodeElement.JIS_X0212 ? 1 : 0; // drop the EUC-JP SS3 prefix
            for (int k = start; k < bytes.length; k++) {
                out.write(set.g0 && set.bytesPerChar == 2 ? bytes[k] & 0x7F : bytes[k]);
            }
        }
        if (g0 != initialG0 && g0 != CodeElement.ASCII) {
            out.writeBytes(CodeElement.ASCII.escape);
        }
        return out.toByteArray();
    }

    private int findEncoder(String ch, CharsetEncoder[] encoders) {
        for (int i = 0; i < sets.size(); i++) {
            CodeElement set = sets.get(i);
            if (set == CodeElement.ASCII || set == CodeElement.JIS_ROMAN) {
                continue;
            }
            if (encoders[i] == null) {
                encoders[i] = set.charset.newEncoder();
            }
            if (!encoders[i].canEncode(ch)) {
                continue;
            }
            if (set == CodeElement.JIS_X0208 || set == CodeElement.JIS_X0212) {
                byte[] euc = ch.getBytes(set.charset);
                boolean is0212 = euc.length == 3 && (euc[0] & 0xFF) == 0x8F;
                if (euc.length < 2 || (euc[0] & 0xFF) == 0x8E || is0212 != (set == CodeElement.JIS_X0212)) {
                    continue; // EUC-JP can encode it, but in a different JIS plane
                }
            }
            if (set == CodeElement.KATAKANA && (ch.getBytes(set.charset)[0] & 0x80) == 0) {
                continue;
            }
            return i;
        }
        return -1;
    }
}
