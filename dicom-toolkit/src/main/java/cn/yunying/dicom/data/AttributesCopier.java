package cn.yunying.dicom.data;

import cn.yunying.dicom.charset.SpecificCharacterSet;
import java.util.Arrays;

/**
 * The copy, merge and comparison logic behind {@link Attributes#addAll},
 * {@link Attributes#addMissing}, {@link Attributes#merge} and {@link Attributes#equals}.
 * Kept apart so that Attributes stays a container.
 */
final class AttributesCopier {
    enum Mode { REPLACE, MISSING, MERGE }

    private AttributesCopier() {
    }

    static void copy(Attributes src, Attributes dst, Mode mode) {
        if (src == dst) {
            return;
        }
        prepareCharset(src, dst, mode);
        for (int i = 0; i < src.size(); i++) {
            int tag = src.tagAt(i);
            if (Tag.isPrivateCreator(tag)) {
                String creator = src.getString(tag);
                if (creator != null && !creator.isEmpty()) {
                    dst.reservePrivateTag(creator, Tag.group(tag), 0);
                    continue;
                }
            }
            int dstTag = tag;
            String creator = src.getPrivateCreator(tag);
            if (creator != null && !creator.isEmpty()) {
                dstTag = dst.reservePrivateTag(creator, Tag.group(tag), tag & 0xFF);
            }
            copyOne(src, i, dst, dstTag, mode);
        }
    }

    /** Copies everything into an empty data set, keeping tags exactly (used by deep copies). */
    static void copyInto(Attributes src, Attributes dst) {
        for (int i = 0; i < src.size(); i++) {
            dst.setValue(src.tagAt(i), src.vrAt(i), convert(src, i, dst));
        }
    }

    private static void copyOne(Attributes src, int i, Attributes dst, int dstTag, Mode mode) {
        int existing = dst.indexOf(dstTag);
        Object value = src.valueAt(i);
        if (existing >= 0) {
            if (mode == Mode.MISSING) {
                return;
            }
            if (mode == Mode.MERGE) {
                Object current = dst.valueAt(existing);
                if (Attributes.isEmptyValue(value) && !Attributes.isEmptyValue(current)) {
                    return;
                }
                if (value instanceof Sequence from && current instanceof Sequence to && from.size() == to.size()) {
                    for (int k = 0; k < from.size(); k++) {
                        copy(from.get(k), to.get(k), Mode.MERGE);
                    }
                    return;
                }
            }
        }
        dst.setValue(dstTag, src.vrAt(i), convert(src, i, dst));
    }

    /**
     * If the copy brings in a different Specific Character Set, text already held here
     * as bytes would be misread afterwards, so it is decoded to strings first.
     */
    private static void prepareCharset(Attributes src, Attributes dst, Mode mode) {
        int i = src.indexOf(Tag.SPECIFIC_CHARACTER_SET);
        if (i < 0 || mode == Mode.MISSING && dst.contains(Tag.SPECIFIC_CHARACTER_SET)) {
            return;
        }
        SpecificCharacterSet incoming = SpecificCharacterSet.of(src.getStrings(Tag.SPECIFIC_CHARACTER_SET));
        if (!incoming.equals(dst.getSpecificCharacterSet())) {
            decodeText(dst);
        }
    }

    /** Replaces encoded text values (recursively) by decoded strings. */
    static void decodeText(Attributes attrs) {
        SpecificCharacterSet cs = attrs.getSpecificCharacterSet();
        for (int i = 0; i < attrs.size(); i++) {
            Object v = attrs.valueAt(i);
            VR vr = attrs.vrAt(i);
            if (v instanceof byte[] b && vr.usesSpecificCharacterSet()) {
                attrs.setValue(attrs.tagAt(i), vr, cs.decode(b, vr));
            } else if (v instanceof Sequence s) {
                for (Attributes item : s) {
                    decodeText(item);
                }
            }
        }
    }

    private static Object convert(Attributes src, int i, Attributes dst) {
        Object v = src.valueAt(i);
        VR vr = src.vrAt(i);
        if (v instanceof byte[] b) {
            if (vr.kind() == VR.Kind.BINARY) {
                return src.isBigEndian() == dst.isBigEndian() ? b.clone() : Bytes.swapped(b, vr.unitSize()).clone();
            }
            if (vr.usesSpecificCharacterSet()
                    && !src.getSpecificCharacterSet().equals(dst.getSpecificCharacterSet())) {
                return src.getSpecificCharacterSet().decode(b, vr);
            }
            return b.clone();
        }
        if (v instanceof Sequence s) {
            Sequence copy = new Sequence(dst, s.size());
            copy.setUndefinedLength(s.isUndefinedLength());
            for (Attributes item : s) {
                Attributes target = new Attributes(dst.isBigEndian(), item.size());
                target.setUndefinedLength(item.isUndefinedLength());
                copy.add(target);
                for (int k = 0; k < item.size(); k++) {
                    target.setValue(item.tagAt(k), item.vrAt(k), convert(item, k, target));
                }
            }
            return copy;
        }
        if (v instanceof Fragments f) {
            Fragments copy = new Fragments(f.vr());
            for (Object fragment : f) {
                copy.add(fragment instanceof byte[] b ? b.clone() : fragment);
            }
            return copy;
        }
        return v; // String and BulkData are immutable
    }

    static boolean sameContent(Attributes a, Attributes b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.tagAt(i) != b.tagAt(i) || a.vrAt(i) != b.vrAt(i) || !sameValue(a, b, i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameValue(Attributes a, Attributes b, int i) {
        Object x = a.valueAt(i);
        Object y = b.valueAt(i);
        VR vr = a.vrAt(i);
        if (x instanceof Sequence s && y instanceof Sequence t) {
            if (s.size() != t.size()) {
                return false;
            }
            for (int k = 0; k < s.size(); k++) {
                if (!sameContent(s.get(k), t.get(k))) {
                    return false;
                }
            }
            return true;
        }
        boolean xPlain = x instanceof byte[] || x instanceof String;
        boolean yPlain = y instanceof byte[] || y instanceof String;
        if (xPlain && yPlain) {
            if (vr.isText()) {
                return Arrays.equals(a.getStrings(a.tagAt(i)), b.getStrings(b.tagAt(i)));
            }
            byte[] p = a.getBytes(a.tagAt(i));
            byte[] q = b.getBytes(b.tagAt(i));
            if (a.isBigEndian() != b.isBigEndian()) {
                q = Bytes.swapped(q, vr.unitSize());
            }
            return Arrays.equals(p, q);
        }
        return Values.sameContent(x, y);
    }
}
