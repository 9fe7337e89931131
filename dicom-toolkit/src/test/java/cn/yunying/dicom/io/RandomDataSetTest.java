package cn.yunying.dicom.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Sequence;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.VR;
import cn.yunying.dicom.dict.ElementDictionary;
import cn.yunying.dicom.dict.ElementEntry;
import cn.yunying.dicom.json.DicomJsonReader;
import cn.yunying.dicom.json.DicomJsonWriter;
import cn.yunying.dicom.xml.DicomXmlReader;
import cn.yunying.dicom.xml.DicomXmlWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property-style test with a seeded generator: random data sets built from real
 * dictionary entries (every VR, nested sequences, defined and undefined lengths,
 * UTF-8 text) survive every native transfer syntax, DICOM JSON and XML.
 */
class RandomDataSetTest {
    private static final String[] WORDS = {"CT", "Head", "王", "小明", "Müller", "ÄÖÜ", "x", "A1", "胸部", "Zhang"};

    private final List<ElementEntry> leaves = new ArrayList<>();
    private final List<ElementEntry> sequences = new ArrayList<>();

    RandomDataSetTest() {
        for (int group = 0x0008; group <= 0x0072; group += 2) {
            for (int element = 0; element <= 0xFFFF; element++) {
                ElementEntry e = ElementDictionary.standard().entry(group << 16 | element);
                if (e == null || e.isRepeatingGroup() || e.vrs().size() != 1 || element == 0
                        || (group << 16 | element) == Tag.SPECIFIC_CHARACTER_SET) {
                    continue;
                }
                (e.vr() == VR.SQ ? sequences : leaves).add(e);
            }
        }
    }

    @Test
    void randomDataSetsSurviveEveryEncoding() throws Exception {
        Random random = new Random(Long.getLong("fuzz.seed", 20261123L));
        TransferSyntax[] syntaxes = {TransferSyntax.IMPLICIT_VR_LE, TransferSyntax.EXPLICIT_VR_LE,
            TransferSyntax.EXPLICIT_VR_BE, TransferSyntax.DEFLATED_EXPLICIT_VR_LE};
        for (int round = 0; round < 40; round++) {
            Attributes ds = new Attributes(random.nextBoolean(), 16);
            ds.setString(Tag.SPECIFIC_CHARACTER_SET, VR.CS, "ISO_IR 192");
            fill(ds, random, 0);
            for (TransferSyntax ts : syntaxes) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                new DicomOutputStream(out).writeFile(new DicomFile(null, null, ds, ts, true));
                DicomFile back = DicomFiles.parse(out.toByteArray());
                assertSame(ds, back.dataset(), "round " + round + ", " + ts);
                ByteArrayOutputStream again = new ByteArrayOutputStream();
                new DicomOutputStream(again).writeFile(back);
                if (!ts.deflated()) {
                    assertEquals(out.size(), again.size(), "round " + round + ", " + ts + " re-encodes to the same size");
                }
            }
            StringWriter json = new StringWriter();
            new DicomJsonWriter(json, false).write(ds);
            assertSame(ds, DicomJsonReader.read(new StringReader(json.toString())), "JSON round " + round);
            StringWriter xml = new StringWriter();
            new DicomXmlWriter(xml, false).write(ds);
            assertSame(ds, DicomXmlReader.read(new StringReader(xml.toString())), "XML round " + round);
        }
    }

    /** Equality with a readable message: the first differing dump line. */
    private static void assertSame(Attributes expected, Attributes actual, String what) {
        if (expected.equals(actual)) {
            return;
        }
        // JSON and XML do not carry sequence/item length encodings: leave them out of the comparison.
        String[] a = cn.yunying.dicom.data.AttributesDump.dump(expected).replaceAll(" #(-1|defined)", "").split("\n");
        String[] b = cn.yunying.dicom.data.AttributesDump.dump(actual).replaceAll(" #(-1|defined)", "").split("\n");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "<none>";
            String y = i < b.length ? b[i] : "<none>";
            if (!x.equals(y)) {
                throw new AssertionError(what + ": line " + i + "\n expected " + x + "\n actual   " + y);
            }
        }
        throw new AssertionError(what + ": data sets differ but their dumps do not");
    }

    private void fill(Attributes ds, Random random, int depth) {
        int count = 3 + random.nextInt(25);
        for (int i = 0; i < count; i++) {
            if (depth < 3 && random.nextInt(8) == 0) {
                ElementEntry e = sequences.get(random.nextInt(sequences.size()));
                Sequence seq = ds.newSequence(e.tag(), 2);
                seq.setUndefinedLength(random.nextBoolean());
                int items = random.nextInt(3);
                for (int k = 0; k < items; k++) {
                    Attributes item = seq.addNew();
                    item.setUndefinedLength(random.nextBoolean());
                    fill(item, random, depth + 1);
                }
                continue;
            }
            ElementEntry e = leaves.get(random.nextInt(leaves.size()));
            setRandomValue(ds, e.tag(), e.vr(), random);
        }
    }

    private static void setRandomValue(Attributes ds, int tag, VR vr, Random random) {
        int n = random.nextInt(4); // 0 = empty value
        if (n == 0) {
            ds.setValue(tag, vr, null);
            return;
        }
        switch (vr) {
            case US -> ds.setInt(tag, vr, random.ints(n, 0, 65536).toArray());
            case SS -> ds.setInt(tag, vr, random.ints(n, -32768, 32768).toArray());
            case UL, SL, OL -> ds.setInt(tag, vr, random.ints(n).toArray());
            case UV, SV, OV -> ds.setLong(tag, vr, random.longs(n, -(1L << 52), 1L << 52).toArray());
            case FL, OF -> ds.setFloat(tag, vr, (float) random.nextGaussian(), 1.5f);
            case FD, OD -> ds.setDouble(tag, vr, random.doubles(n).toArray());
            case AT -> ds.setLong(tag, vr, 0x00100010L, 0x7FE00010L);
            case OB, UN -> {
                byte[] b = new byte[random.nextInt(40) * 2];
                random.nextBytes(b);
                ds.setBytes(tag, vr, b);
            }
            case OW -> ds.setInt(tag, VR.OW, random.ints(n * 3, 0, 65536).toArray());
            case IS -> ds.setString(tag, vr, random.ints(n, -1000, 1000).mapToObj(Integer::toString).toArray(String[]::new));
            case DS -> ds.setString(tag, vr, "1.5", "-0.25", "100");
            case DA -> ds.setString(tag, vr, "20240229");
            case TM -> ds.setString(tag, vr, "101530.5");
            case DT -> ds.setString(tag, vr, "20240229101530+0800");
            case UI -> ds.setString(tag, vr, "1.2.840.10008." + random.nextInt(1000));
            case AS -> ds.setString(tag, vr, "054Y");
            case PN -> ds.setString(tag, vr, word(random) + "^" + word(random) + "=" + word(random) + "^" + word(random));
            case LT, ST, UT -> ds.setString(tag, vr, word(random) + "\\" + word(random) + "\r\n" + word(random));
            case AE, CS -> ds.setString(tag, vr, "VALUE_" + random.nextInt(100), "B");
            case UR -> ds.setString(tag, vr, "http://example.com/" + random.nextInt(100));
            default -> {
                String[] values = new String[n];
                for (int k = 0; k < n; k++) {
                    values[k] = k == 1 ? "" : word(random) + " " + word(random);
                }
                ds.setString(tag, vr, values);
            }
        }
    }

    private static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }
}
