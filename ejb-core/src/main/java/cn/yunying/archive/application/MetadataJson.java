package cn.yunying.archive.application;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.BulkData;
import cn.yunying.dicom.data.Fragments;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.VR;
import cn.yunying.dicom.json.DicomJsonReader;
import cn.yunying.dicom.json.DicomJsonWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The metadata kept per instance: the data set without bulk data (pixel data and other values read as references),
 * as DICOM JSON. JSON text is Unicode, so Specific Character Set is set to ISO_IR 192 whatever the file used.
 */
final class MetadataJson {

    static final String UTF_8 = "ISO_IR 192";

    private MetadataJson() {
    }

    static String of(Attributes dataset) {
        Attributes copy = withoutBulkData(dataset);
        copy.setString(Tag.SPECIFIC_CHARACTER_SET, VR.CS, UTF_8);
        StringWriter out = new StringWriter();
        new DicomJsonWriter(out, false).write(copy);
        return out.toString();
    }

    static Attributes read(String json) {
        try {
            return DicomJsonReader.read(new StringReader(json));
        } catch (IOException e) {
            throw new UncheckedIOException("stored metadata is not DICOM JSON", e);
        }
    }

    static String toJson(Iterable<Attributes> datasets) {
        StringWriter out = new StringWriter();
        new DicomJsonWriter(out, false).writeArray(datasets);
        return out.toString();
    }

    static String toJson(Attributes dataset) {
        StringWriter out = new StringWriter();
        new DicomJsonWriter(out, false).write(dataset);
        return out.toString();
    }

    /** A copy whose text values are decoded (so the JSON is right whatever the character set) and without bulk data. */
    private static Attributes withoutBulkData(Attributes dataset) {
        Attributes copy = new Attributes(dataset.isBigEndian(), Math.max(dataset.size(), 1));
        for (int i = 0; i < dataset.size(); i++) {
            int tag = dataset.tagAt(i);
            Object value = dataset.valueAt(i);
            VR vr = dataset.vrAt(i);
            if (value instanceof BulkData || value instanceof Fragments || Tag.group(tag) == 2) {
                continue;
            }
            if (value instanceof cn.yunying.dicom.data.Sequence sequence) {
                cn.yunying.dicom.data.Sequence target = copy.newSequence(tag, vr, sequence.size());
                for (Attributes item : sequence) {
                    target.add(withoutBulkData(item));
                }
            } else if (vr.usesSpecificCharacterSet()) {
                copy.setString(tag, vr, dataset.getStrings(tag));
            } else {
                copy.setValue(tag, vr, value);
            }
        }
        return copy;
    }
}
