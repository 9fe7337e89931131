package cn.yunying.dicom.json;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.BulkData;
import cn.yunying.dicom.data.Fragments;
import cn.yunying.dicom.data.Sequence;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.VR;
import cn.yunying.dicom.dict.ElementDictionary;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Reads the DICOM JSON Model (PS3.18 Annex F) into {@link Attributes}; the
 * inverse of {@link DicomJsonWriter}. Text arrives as Unicode and is stored as
 * strings, so it is encoded with whatever Specific Character Set the data set
 * declares when written to Part 10. Binary values are stored little endian.
 */
public final class DicomJsonReader {
    private DicomJsonReader() {
    }

    /** Reads one data set (a JSON object). */
    public static Attributes read(Reader in) throws IOException {
        Object root = new JsonParser(in).parse();
        if (!(root instanceof Map<?, ?> map)) {
            throw new IOException("DICOM JSON: expected an object at the top level");
        }
        Attributes attrs = new Attributes();
        fill(attrs, map);
        return attrs;
    }

    /** Reads an array of data sets (e.g. a QIDO-RS response). */
    public static List<Attributes> readArray(Reader in) throws IOException {
        Object root = new JsonParser(in).parse();
        if (!(root instanceof List<?> list)) {
            throw new IOException("DICOM JSON: expected an array at the top level");
        }
        List<Attributes> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> map)) {
                throw new IOException("DICOM JSON: array element is not an object");
            }
            Attributes attrs = new Attributes();
            fill(attrs, map);
            out.add(attrs);
        }
        return out;
    }

    private static void fill(Attributes attrs, Map<?, ?> map) throws IOException {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            int tag;
            try {
                tag = Tag.parse((String) e.getKey());
            } catch (IllegalArgumentException bad) {
                throw new IOException("DICOM JSON: bad tag " + e.getKey());
            }
            if (!(e.getValue() instanceof Map<?, ?> element)) {
                throw new IOException("DICOM JSON: attribute " + e.getKey() + " is not an object");
            }
            readAttribute(attrs, tag, element);
        }
    }

    private static void readAttribute(Attributes attrs, int tag, Map<?, ?> element) throws IOException {
        Object vrName = element.get("vr");
        VR vr = vrName instanceof String s ? VR.ofName(s) : ElementDictionary.vrOf(tag);
        if (vr == null) {
            throw new IOException("DICOM JSON: unknown vr " + vrName + " for " + Tag.toString(tag));
        }
        Object values = element.get("Value");
        Object inline = element.get("InlineBinary");
        Object bulk = element.get("BulkDataURI");
        if (inline instanceof String base64) {
            byte[] bytes;
            try {
                bytes = Base64.getMimeDecoder().decode(base64);
            } catch (IllegalArgumentException bad) {
                throw new IOException("DICOM JSON: bad base64 in " + Tag.toString(tag));
            }
            if (tag == Tag.PIXEL_DATA && Fragments.looksLikeItemStream(bytes)) {
                try {
                    attrs.setValue(tag, vr, Fragments.fromItemStream(vr, bytes));
                } catch (IllegalArgumentException bad) {
                    throw new IOException("DICOM JSON: " + bad.getMessage());
                }
            } else {
                attrs.setBytes(tag, vr, bytes);
            }
        } else if (bulk instanceof String uri) {
            attrs.setValue(tag, vr, BulkData.fromUriString(uri, false));
        } else if (values instanceof List<?> list) {
            readValues(attrs, tag, vr, list);
        } else if (vr == VR.SQ) {
            attrs.newSequence(tag, 0);
        } else {
            attrs.setValue(tag, vr, null);
        }
    }

    private static void readValues(Attributes attrs, int tag, VR vr, List<?> list) throws IOException {
        if (vr == VR.SQ) {
            Sequence seq = attrs.newSequence(tag, list.size());
            for (Object item : list) {
                if (!(item instanceof Map<?, ?> map)) {
                    throw new IOException("DICOM JSON: sequence item of " + Tag.toString(tag) + " is not an object");
                }
                fill(seq.addNew(), map);
            }
            return;
        }
        String[] text = new String[list.size()];
        for (int i = 0; i < text.length; i++) {
            Object v = list.get(i);
            if (v == null) {
                text[i] = "";
            } else if (v instanceof Map<?, ?> pn) {
                text[i] = personName(pn);
            } else if (v instanceof JsonParser.JsonNumber n) {
                text[i] = n.text();
            } else if (v instanceof String s) {
                text[i] = s;
            } else {
                throw new IOException("DICOM JSON: unsupported value " + v + " in " + Tag.toString(tag));
            }
        }
        try {
            attrs.setString(tag, vr, text);
        } catch (IllegalArgumentException bad) { // includes NumberFormatException
            throw new IOException("DICOM JSON: values not valid for " + vr + " in " + Tag.toString(tag) + ": "
                    + bad.getMessage());
        }
    }

    private static String personName(Map<?, ?> pn) {
        String[] groups = {string(pn.get("Alphabetic")), string(pn.get("Ideographic")), string(pn.get("Phonetic"))};
        int last = 2;
        while (last > 0 && groups[last].isEmpty()) {
            last--;
        }
        return String.join("=", java.util.Arrays.copyOf(groups, last + 1));
    }

    private static String string(Object o) {
        return o instanceof String s ? s : "";
    }
}
