package cn.yunying.dicom.json;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.BulkData;
import cn.yunying.dicom.data.Fragments;
import cn.yunying.dicom.data.PersonName;
import cn.yunying.dicom.data.Sequence;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.VR;
import cn.yunying.dicom.data.Values;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Writes the DICOM JSON Model (PS3.18 Annex F).
 *
 * <ul>
 *   <li>IS, DS, US, SS, UL, SL, FL, FD, UV, SV values are JSON numbers (64-bit values
 *       beyond ±2^53 and non-finite floats are strings, as JSON numbers cannot hold them);</li>
 *   <li>PN values are objects with Alphabetic, Ideographic and Phonetic members;</li>
 *   <li>AT values are 8-digit hex strings; empty values in a multi-valued list are null;
 *       an attribute without value has only "vr";</li>
 *   <li>OB, OW, OF, OD, OL, OV, UN are InlineBinary (base64 of the little endian bytes)
 *       or BulkDataURI for values read as references ({@code uri#offset=N&length=M});</li>
 *   <li>encapsulated pixel data is its item stream (item headers and sequence delimiter
 *       included): InlineBinary when in memory, which {@link DicomJsonReader} turns back
 *       into fragments, or a BulkDataURI for the range of the file holding it;</li>
 *   <li>UN sequences (PS3.5 6.2.2) are written with vr "SQ".</li>
 * </ul>
 */
public final class DicomJsonWriter {
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private static final double MAX_SAFE = 9007199254740992d;

    private final JsonWriter json;

    public DicomJsonWriter(Writer out, boolean pretty) {
        this.json = new JsonWriter(out, pretty);
    }

    /** Writes one data set as a JSON object. */
    public void write(Attributes attrs) {
        writeDataSet(attrs);
        json.flush();
    }

    /** Writes several data sets as a JSON array (the form of QIDO-RS responses). */
    public void writeArray(Iterable<Attributes> datasets) {
        json.beginArray();
        for (Attributes a : datasets) {
            writeDataSet(a);
        }
        json.endArray();
        json.flush();
    }

    private void writeDataSet(Attributes attrs) {
        json.beginObject();
        for (int i = 0; i < attrs.size(); i++) {
            writeAttribute(attrs, i);
        }
        json.endObject();
    }

    private void writeAttribute(Attributes attrs, int i) {
        int tag = attrs.tagAt(i);
        VR vr = attrs.vrAt(i);
        Object value = attrs.valueAt(i);
        json.name(Tag.toHex(tag)).beginObject();
        json.name("vr").value(value instanceof Sequence ? "SQ" : vr.name());
        if (value instanceof Sequence seq) {
            if (!seq.isEmpty()) {
                json.name("Value").beginArray();
                for (Attributes item : seq) {
                    writeDataSet(item);
                }
                json.endArray();
            }
        } else if (value instanceof BulkData bulk) {
            json.name("BulkDataURI").value(bulk.toUriString());
        } else if (value instanceof Fragments f) {
            BulkData ref = f.itemStreamReference();
            if (ref != null) {
                json.name("BulkDataURI").value(ref.toUriString());
            } else {
                json.name("InlineBinary").value(Base64.getEncoder().encodeToString(f.toItemStream()));
            }
        } else if (vr.kind() == VR.Kind.BINARY && (vr.isBulk() || vr == VR.OB)) {
            byte[] b = Values.littleEndianBytes(attrs, i);
            if (b.length > 0) {
                json.name("InlineBinary").value(Base64.getEncoder().encodeToString(b));
            }
        } else {
            writeValues(attrs, tag, vr);
        }
        json.endObject();
    }

    private void writeValues(Attributes attrs, int tag, VR vr) {
        String[] values = normalized(attrs.getStrings(tag), vr);
        if (values.length == 0) {
            return;
        }
        json.name("Value").beginArray();
        for (String v : values) {
            if (v.isEmpty()) {
                json.nullValue();
            } else if (vr == VR.PN) {
                writePersonName(PersonName.parse(v));
            } else if (isNumber(vr)) {
                writeNumber(v, vr);
            } else {
                json.value(v);
            }
        }
        json.endArray();
    }

    private void writePersonName(PersonName pn) {
        json.beginObject();
        String[] names = {"Alphabetic", "Ideographic", "Phonetic"};
        for (PersonName.Group g : PersonName.Group.values()) {
            if (pn.hasGroup(g)) {
                json.name(names[g.ordinal()]).value(pn.getGroup(g));
            }
        }
        json.endObject();
    }

    private void writeNumber(String text, VR vr) {
        if (JSON_NUMBER.matcher(text).matches()) {
            if ((vr == VR.UV || vr == VR.SV || vr == VR.UL) && Math.abs(Double.parseDouble(text)) > MAX_SAFE) {
                json.value(text);
            } else {
                json.number(text);
            }
            return;
        }
        try {
            json.number(new BigDecimal(text.replace("Infinity", "x")).toString());
        } catch (NumberFormatException notANumber) {
            json.value(text); // NaN, Infinity or an invalid IS/DS: keep it rather than lose it
        }
    }

    /**
     * Person names made only of separators ("^^^^") are empty; a list of nothing but
     * empty values is no value at all (so it reads back the same).
     */
    public static String[] normalized(String[] values, VR vr) {
        boolean any = false;
        for (int i = 0; i < values.length; i++) {
            if (vr == VR.PN && !values[i].isEmpty()) {
                values[i] = PersonName.parse(values[i]).toString();
            }
            any |= !values[i].isEmpty();
        }
        return any ? values : new String[0];
    }

    static boolean isNumber(VR vr) {
        return switch (vr) {
            case IS, DS, US, SS, UL, SL, FL, FD, UV, SV -> true;
            default -> false;
        };
    }
}
