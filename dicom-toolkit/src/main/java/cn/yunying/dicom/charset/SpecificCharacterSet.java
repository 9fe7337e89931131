package cn.yunying.dicom.charset;

import cn.yunying.dicom.data.VR;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The character repertoires named by (0008,0005) Specific Character Set, with
 * decoding and encoding of SH, LO, ST, LT, UC, UT and PN values.
 *
 * <p>Three modes exist: the default repertoire (ASCII, where high bytes are read
 * as Latin-1 so nothing is lost), a single repertoire without code extensions
 * (e.g. ISO_IR 100, ISO_IR 192, GB18030, GBK: plain JDK charsets), and ISO 2022
 * code extensions (any value starting with "ISO 2022", or several values).
 * Instances are immutable and cached by their defining terms.
 */
public final class SpecificCharacterSet {
    /** The default repertoire (no Specific Character Set). */
    public static final SpecificCharacterSet DEFAULT = new SpecificCharacterSet(new String[0]);

    private static final Map<String, SpecificCharacterSet> CACHE = new ConcurrentHashMap<>();

    private final String[] terms;
    private final List<CodeElement> elements;
    private final boolean codeExtensions;
    private final Iso2022Decoder decoder;
    private final Iso2022Encoder encoder;

    private SpecificCharacterSet(String[] terms) {
        this.terms = terms;
        List<CodeElement> list = new ArrayList<>();
        for (String term : terms) {
            CodeElement e = CodeElement.forTerm(term);
            if (e != null && !list.contains(e)) {
                list.add(e);
            }
        }
        if (list.isEmpty()) {
            list.add(CodeElement.ASCII);
        }
        boolean iso2022 = terms.length > 1 || terms.length == 1 && terms[0].strip().startsWith("ISO 2022");
        this.codeExtensions = iso2022 && list.get(0).bytesPerChar != 0;
        CodeElement first = list.get(0);
        CodeElement initialG0 = first == CodeElement.KATAKANA ? CodeElement.JIS_ROMAN : CodeElement.ASCII;
        CodeElement initialG1 = first.g0 ? null : first;
        if (codeExtensions && !list.contains(CodeElement.ASCII)) {
            list.add(0, CodeElement.ASCII);
        }
        this.elements = List.copyOf(list);
        this.decoder = new Iso2022Decoder(initialG0, initialG1);
        this.encoder = new Iso2022Encoder(elements, initialG0, initialG1);
    }

    /** The character set for the values of (0008,0005); null or empty means the default repertoire. */
    public static SpecificCharacterSet of(String... values) {
        if (values == null || values.length == 0 || values.length == 1 && values[0].isBlank()) {
            return DEFAULT;
        }
        String key = String.join("\\", values);
        return CACHE.computeIfAbsent(key, k -> new SpecificCharacterSet(values.clone()));
    }

    /** The defining terms, as given. */
    public String[] terms() {
        return terms.clone();
    }

    /** True if every term was recognised. */
    public boolean isKnown() {
        for (String t : terms) {
            if (CodeElement.forTerm(t) == null) {
                return false;
            }
        }
        return true;
    }

    /** True if text is written with ISO 2022 escape sequences. */
    public boolean usesCodeExtensions() {
        return codeExtensions;
    }

    /** True for the default repertoire. */
    public boolean isDefault() {
        return this == DEFAULT;
    }

    /** Decodes a value of the given VR (padding is not stripped here). */
    public String decode(byte[] bytes, int offset, int length, VR vr) {
        if (!vr.usesSpecificCharacterSet()) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
        if (codeExtensions) {
            return decoder.decode(bytes, offset, length, delimitersFor(vr));
        }
        CodeElement only = elements.get(0);
        if (only == CodeElement.ASCII) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
        return new String(bytes, offset, length, only.charset);
    }

    public String decode(byte[] bytes, VR vr) {
        return decode(bytes, 0, bytes.length, vr);
    }

    /** Encodes a value of the given VR. Characters outside the repertoire become '?'. */
    public byte[] encode(String text, VR vr) {
        if (!vr.usesSpecificCharacterSet()) {
            return text.getBytes(StandardCharsets.ISO_8859_1);
        }
        if (codeExtensions) {
            return encoder.encode(text, delimitersFor(vr));
        }
        CodeElement only = elements.get(0);
        return text.getBytes(only == CodeElement.ASCII ? StandardCharsets.ISO_8859_1 : only.charset);
    }

    /** True if every character of the text can be encoded without loss. */
    public boolean canEncode(String text, VR vr) {
        return decode(encode(text, vr), vr).equals(text);
    }

    private static String delimitersFor(VR vr) {
        if (vr == VR.PN) {
            return "\\^=";
        }
        return vr.isSingleValuedText() ? "" : "\\";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpecificCharacterSet other && Arrays.equals(terms, other.terms);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(terms);
    }

    @Override
    public String toString() {
        return terms.length == 0 ? "ISO_IR 6 (default)" : String.join("\\", terms);
    }
}
