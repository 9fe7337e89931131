package cn.yunying.dicom.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yunying.dicom.SyntheticCt;
import cn.yunying.dicom.TestFiles;
import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.BulkData;
import cn.yunying.dicom.data.Fragments;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.VR;
import cn.yunying.dicom.io.DicomFiles;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class DicomJsonTest {

    static String json(Attributes attrs) {
        StringWriter w = new StringWriter();
        new DicomJsonWriter(w, false).write(attrs);
        return w.toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> tree(String json) throws IOException {
        return (Map<String, Object>) new JsonParser(new StringReader(json)).parse();
    }

    @Test
    void valueTypesFollowAnnexF() throws IOException {
        Attributes a = new Attributes();
        a.setString(Tag.PATIENT_NAME, VR.PN, "Wang^XiaoMing=王^小明=wang^xiaoming");
        a.setString(Tag.INSTANCE_NUMBER, VR.IS, "7");
        a.setString(0x00280030, VR.DS, "0.5", "+1.25");
        a.setInt(Tag.ROWS, VR.US, 512);
        a.setLong(0x00209165, VR.AT, 0x00100010L);
        a.setString(Tag.IMAGE_TYPE, VR.CS, "ORIGINAL", "", "AXIAL");
        a.setValue(Tag.ACCESSION_NUMBER, VR.SH, null);
        a.setBytes(0x00420011, VR.OB, new byte[] {1, 2, 3, 4});
        a.setLong(0x00181154, VR.UV, Long.MAX_VALUE);
        Map<String, Object> t = tree(json(a));

        Map<?, ?> pn = (Map<?, ?>) ((List<?>) ((Map<?, ?>) t.get("00100010")).get("Value")).get(0);
        assertEquals("Wang^XiaoMing", pn.get("Alphabetic"));
        assertEquals("王^小明", pn.get("Ideographic"));
        assertEquals("wang^xiaoming", pn.get("Phonetic"));
        assertEquals(new JsonParser.JsonNumber("7"), values(t, "00200013").get(0));
        assertEquals(List.of(new JsonParser.JsonNumber("0.5"), new JsonParser.JsonNumber("1.25")), values(t, "00280030"));
        assertEquals(new JsonParser.JsonNumber("512"), values(t, "00280010").get(0));
        assertEquals("00100010", values(t, "00209165").get(0));
        assertNull(values(t, "00080008").get(1), "empty value in a list is null");
        assertEquals(Map.of("vr", "SH"), t.get("00080050"), "empty attribute has only vr");
        assertEquals("AQIDBA==", ((Map<?, ?>) t.get("00420011")).get("InlineBinary"));
        assertEquals("9223372036854775807", values(t, "00181154").get(0), "beyond 2^53 as string");
    }

    private static List<?> values(Map<String, Object> t, String tag) {
        return (List<?>) ((Map<?, ?>) t.get(tag)).get("Value");
    }

    @Test
    void readsBackWhatItWrites() throws IOException {
        Attributes ct = SyntheticCt.dataset(4, 4);
        Attributes back = DicomJsonReader.read(new StringReader(json(ct)));
        assertEquals(ct, back);
        assertEquals("Wang^XiaoMing=王^小明", back.getString(Tag.PATIENT_NAME));
    }

    @Test
    void bulkDataUrisAndEncapsulatedPixelData() throws IOException {
        Attributes a = new Attributes();
        a.setValue(0x00420011, VR.OB, new BulkData("file:/data/x.dcm", 1234, 5678, false));
        Fragments f = new Fragments(VR.OB).add(new byte[0]).add(new byte[] {1, 2, 3, 4}).add(new byte[] {5, 6});
        a.setValue(Tag.PIXEL_DATA, VR.OB, f);
        Attributes back = DicomJsonReader.read(new StringReader(json(a)));
        assertEquals(new BulkData("file:/data/x.dcm", 1234, 5678, false), back.getBulkData(0x00420011));
        Fragments g = back.getFragments(Tag.PIXEL_DATA);
        assertEquals(3, g.size());
        assertArrayEquals(new byte[] {1, 2, 3, 4}, (byte[]) g.get(1));
    }

    @Test
    void encapsulatedPixelDataByReferenceSurvivesJsonAndXml() throws Exception {
        Path file = TestFiles.testFile("JPEG2000.dcm");
        cn.yunying.dicom.io.DicomFile f = DicomFiles.readWithBulkDataReferences(file, 0);
        BulkData whole = f.dataset().getFragments(Tag.PIXEL_DATA).itemStreamReference();
        byte[] original = Files.readAllBytes(file);
        assertEquals(original.length, whole.offset() + whole.length(), "pixel data is the last element");
        String text = json(f.dataset());
        assertTrue(text.contains(whole.toUriString().replace("&", "\u0026")) || text.contains(whole.toUriString()));
        Attributes fromJson = DicomJsonReader.read(new StringReader(text));
        StringWriter xml = new StringWriter();
        new cn.yunying.dicom.xml.DicomXmlWriter(xml, false).write(f.dataset());
        Attributes fromXml = cn.yunying.dicom.xml.DicomXmlReader.read(new StringReader(xml.toString()));
        for (Attributes back : new Attributes[] {fromJson, fromXml}) {
            assertEquals(whole, back.getBulkData(Tag.PIXEL_DATA));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            new cn.yunying.dicom.io.DicomOutputStream(out).writeFile(new cn.yunying.dicom.io.DicomFile(
                    f.preamble(), f.fileMetaInformation(), back, f.transferSyntax(), true));
            Attributes reread = DicomFiles.parse(out.toByteArray()).dataset();
            assertEquals(DicomFiles.read(file).dataset().getFragments(Tag.PIXEL_DATA), reread.getFragments(Tag.PIXEL_DATA));
        }
    }

    @Test
    void readsPydicomsJsonVectors() throws IOException {
        Attributes a = DicomJsonReader.read(Files.newBufferedReader(TestFiles.testFile("test1.json")));
        assertEquals("1.2.840.10008.5.1.4.1.1.4", a.getString(Tag.SOP_CLASS_UID));
        assertEquals(714, a.getInt(0x00201002, 0));
        assertEquals("GEMS_SERS_01", a.getString(0x00250010));
        Attributes pn = DicomJsonReader.read(Files.newBufferedReader(TestFiles.testFile("test_PN.json")));
        assertEquals("Prostate^Volunteer", pn.getString(Tag.PATIENT_NAME));
        assertInstanceOf(cn.yunying.dicom.data.Sequence.class, pn.getValue(0x04000561));
    }

    /** JSON of a file, read back and written again, is the same JSON: nothing is lost or altered. */
    @TestFactory
    Stream<DynamicTest> jsonIsStableForEveryPydicomFile() {
        return TestFiles.dicomFiles(TestFiles.testFiles()).stream()
                .filter(p -> !TestFiles.BROKEN.contains(p.getFileName().toString()))
                .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
                    Attributes ds = DicomFiles.read(p).dataset();
                    String first = json(ds);
                    String second = json(DicomJsonReader.read(new StringReader(first)));
                    assertSameText(first, second);
                }));
    }

    @Test
    void rejectsMalformedJson() {
        for (String bad : new String[] {"", "[", "{\"0010\": {}}", "{\"00100010\": {\"vr\": \"XX\"}}",
            "{\"00100010\": 5}", "{\"00280010\": {\"vr\":\"US\",\"Value\":[\"abc\"]}}", "{} x",
            "[".repeat(100000)}) {
            assertThrows(IOException.class, () -> DicomJsonReader.read(new StringReader(bad)), bad.length() > 40 ? "deep" : bad);
        }
    }

    @Test
    void writerEscapesControlCharactersAndQuotes() throws IOException {
        Attributes a = new Attributes();
        a.setString(0x00204000, VR.LT, "line1\r\nline2 \"quoted\" back\\slash\u0001");
        Attributes back = DicomJsonReader.read(new StringReader(json(a)));
        assertEquals("line1\r\nline2 \"quoted\" back\\slash\u0001", back.getString(0x00204000));
        assertTrue(json(a).contains("\\r\\n"));
        // exactly as RFC 8259 wants it: plain runs as they are, the rest escaped
        assertTrue(json(a).contains("\"line1\\r\\nline2 \\\"quoted\\\" back\\\\slash\\u0001\""), json(a));
        Attributes plain = new Attributes();
        plain.setString(0x00204000, VR.LT, "张三 plain text, no escapes");
        assertTrue(json(plain).contains("\"张三 plain text, no escapes\""), json(plain));
    }

    @Test
    void arraysOfDataSets() throws IOException {
        StringWriter w = new StringWriter();
        Attributes one = new Attributes().setString(Tag.PATIENT_ID, VR.LO, "1");
        Attributes two = new Attributes().setString(Tag.PATIENT_ID, VR.LO, "2");
        new DicomJsonWriter(w, true).writeArray(List.of(one, two));
        List<Attributes> back = DicomJsonReader.readArray(new StringReader(w.toString()));
        assertEquals(List.of(one, two), back);
    }


    /** Compares long documents showing only the neighbourhood of the first difference. */
    static void assertSameText(String expected, String actual) {
        int i = 0;
        while (i < Math.min(expected.length(), actual.length()) && expected.charAt(i) == actual.charAt(i)) {
            i++;
        }
        if (i < expected.length() || i < actual.length()) {
            int from = Math.max(0, i - 150);
            throw new AssertionError("documents differ at " + i + ":\n expected ..."
                    + expected.substring(from, Math.min(expected.length(), i + 100)) + "\n actual   ..."
                    + actual.substring(from, Math.min(actual.length(), i + 100)));
        }
    }
}
