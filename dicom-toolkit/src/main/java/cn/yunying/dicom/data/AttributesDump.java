package cn.yunying.dicom.data;

import cn.yunying.dicom.dict.ElementDictionary;
import cn.yunying.dicom.dict.PrivateDictionary;

/**
 * A readable, line-per-attribute dump: tag, VR, length, value (shortened), keyword.
 * Items of sequences are indented with '>' per nesting level, as DICOM dumps do.
 * Sequences and items show "#-1" when encoded with undefined length and
 * "#defined" (sequences) or nothing (items) otherwise.
 */
public final class AttributesDump {
    private AttributesDump() {
    }

    /** Dumps with at most {@code maxLines} lines and values cut to {@code maxValueChars} chars. */
    public static String dump(Attributes attrs, int maxLines, int maxValueChars) {
        StringBuilder out = new StringBuilder(attrs.size() * 64);
        dump(attrs, "", out, new int[] {maxLines}, maxValueChars);
        return out.toString();
    }

    /** Dumps everything. */
    public static String dump(Attributes attrs) {
        return dump(attrs, Integer.MAX_VALUE, 64);
    }

    private static boolean line(StringBuilder out, int[] budget, String text) {
        if (budget[0] <= 0) {
            return false;
        }
        if (--budget[0] == 0) {
            out.append("...\n");
            return false;
        }
        out.append(text).append('\n');
        return true;
    }

    private static void dump(Attributes attrs, String indent, StringBuilder out, int[] budget, int maxChars) {
        for (int i = 0; i < attrs.size() && budget[0] > 0; i++) {
            int tag = attrs.tagAt(i);
            VR vr = attrs.vrAt(i);
            Object value = attrs.valueAt(i);
            String head = indent + Tag.toString(tag) + " " + vr + " ";
            String name = nameOf(attrs, tag);
            if (value instanceof Sequence seq) {
                line(out, budget, head + (seq.isUndefinedLength() ? "#-1" : "#defined") + " " + seq.size() + " item(s) " + name);
                int n = 1;
                for (Attributes item : seq) {
                    line(out, budget, indent + ">(FFFE,E000) item " + n++ + (item.isUndefinedLength() ? " #-1" : ""));
                    dump(item, indent + ">", out, budget, maxChars);
                }
            } else if (value instanceof Fragments f) {
                line(out, budget, head + "#-1 " + f.size() + " fragment(s) " + name);
                for (int k = 0; k < f.size(); k++) {
                    line(out, budget, indent + ">(FFFE,E000) fragment " + k + " #" + f.lengthOf(k)
                            + (k == 0 ? " basic offset table" : ""));
                }
            } else if (value instanceof BulkData b) {
                line(out, budget, head + "#" + b.length() + " [bulk data " + (b.uri() == null ? "" : b.uri())
                        + " offset " + b.offset() + "] " + name);
            } else {
                byte[] bytes = attrs.getBytes(tag);
                String text;
                if (vr.kind() == VR.Kind.BINARY && (vr.unitSize() <= 1 || vr.isBulk())) {
                    text = hex(bytes, maxChars);
                } else {
                    text = shorten(String.join("\\", attrs.getStrings(tag)), maxChars);
                }
                // Text set through the API shows the length it will have when written (padded to even).
                int length = value instanceof String ? bytes.length + (bytes.length & 1) : bytes.length;
                line(out, budget, head + "#" + length + " [" + text + "] " + name);
            }
        }
    }

    private static String nameOf(Attributes attrs, int tag) {
        if (Tag.isPrivate(tag)) {
            if (Tag.isPrivateCreator(tag)) {
                return "PrivateCreator";
            }
            String creator = attrs.getPrivateCreator(tag);
            PrivateDictionary.Entry e = PrivateDictionary.standard().entry(creator, Tag.group(tag), tag & 0xFF);
            return e != null ? "[" + creator + "] " + e.name() : creator != null ? "[" + creator + "]" : "";
        }
        return ElementDictionary.keywordOf(tag);
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }

    private static String hex(byte[] b, int maxChars) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < b.length && sb.length() < maxChars; i++) {
            if (i > 0) {
                sb.append('\\');
            }
            sb.append(Character.forDigit(b[i] >> 4 & 0xF, 16)).append(Character.forDigit(b[i] & 0xF, 16));
        }
        return b.length * 3 > maxChars ? sb + "..." : sb.toString();
    }
}
