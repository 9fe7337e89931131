package cn.yunying.dicom.net;

import static org.junit.jupiter.api.Assertions.fail;

import cn.yunying.dicom.data.Attributes;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Data set comparison for tests, reporting which elements differ (dumps are truncated for big sets). */
final class DataSets {
    private DataSets() {
    }

    /**
     * Asserts equal content, allowing the two changes DCMTK makes in transit and PS3.5 permits:
     * group length elements (gggg,0000) may be dropped,
     * Data Set Trailing Padding (FFFC,FFFC) may be dropped, and encapsulated Pixel Data is always OB
     * (some test files label it OW).
     */
    static void assertSame(Attributes expected, Attributes actual, String context) {
        if (actual == null) {
            fail(context + ": nothing received");
        }
        expected = expected.deepCopy();
        actual = actual.deepCopy();
        for (Attributes a : List.of(expected, actual)) {
            a.remove(0xFFFCFFFC);
            for (int t : a.tags()) {
                if ((t & 0xFFFF) == 0) {
                    a.remove(t); // group lengths: retired, DCMTK drops them
                }
            }
            if (a.getValue(0x7FE00010) instanceof cn.yunying.dicom.data.Fragments f) {
                a.setValue(0x7FE00010, cn.yunying.dicom.data.VR.OB, f);
            }
        }
        if (expected.equals(actual)) {
            return;
        }
        TreeSet<Integer> tags = new TreeSet<>(Integer::compareUnsigned);
        for (int t : expected.tags()) {
            tags.add(t);
        }
        for (int t : actual.tags()) {
            tags.add(t);
        }
        List<String> diffs = new ArrayList<>();
        for (int t : tags) {
            Attributes e = only(expected, t);
            Attributes a = only(actual, t);
            if (!e.equals(a)) {
                diffs.add(String.format("(%04X,%04X) expected %s but was %s", t >>> 16, t & 0xFFFF, e.toString().trim(), a.toString().trim()));
            }
        }
        fail(context + ": data sets differ in " + diffs);
    }

    private static Attributes only(Attributes ds, int tag) {
        Attributes copy = ds.deepCopy();
        for (int t : ds.tags()) {
            if (t != tag && t != 0x00080005) {
                copy.remove(t);
            }
        }
        return copy;
    }
}
