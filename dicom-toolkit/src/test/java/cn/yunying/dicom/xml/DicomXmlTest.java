package cn.yunying.dicom.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yunying.dicom.SyntheticCt;
import cn.yunying.dicom.TestFiles;
import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.BulkData;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.VR;
import cn.yunying.dicom.io.DicomFiles;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class DicomXmlTest {

    static String xml(Attributes attrs) throws XMLStreamException {
        StringWriter w = new StringWriter();
        new DicomXmlWriter(w, true).write(attrs);
        return w.toString();
    }

    @Test
    void nativeModelElements() throws Exception {
        Attributes a = new Attributes();
        a.setString(Tag.PATIENT_NAME, VR.PN, "Wang^XiaoMing=王^小明");
        a.setString(Tag.IMAGE_TYPE, VR.CS, "ORIGINAL", "", "AXIAL");
        a.setString(0x00090010, VR.LO, "YUNYING");
        a.setString(0x00091001, VR.LO, "private value");
        a.setValue(0x00420011, VR.OB, new BulkData("file:/x.dcm", 10, 20, false));
        String text = xml(a);
        assertTrue(text.contains("<NativeDicomModel xml:space=\"preserve\">"), text);
        assertTrue(text.contains("<DicomAttribute tag=\"00100010\" vr=\"PN\" keyword=\"PatientName\">"), text);
        assertTrue(text.contains("<PersonName number=\"1\"><Alphabetic><FamilyName>Wang</FamilyName>"
                + "<GivenName>XiaoMing</GivenName></Alphabetic><Ideographic><FamilyName>王</FamilyName>"), text);
        assertTrue(text.contains("<Value number=\"3\">AXIAL</Value>"), text);
        assertTrue(text.contains("<Value number=\"2\"/>"), "empty values are empty elements");
        assertTrue(text.contains("privateCreator=\"YUNYING\""), text);
        assertTrue(text.contains("<BulkData uri=\"file:/x.dcm#offset=10&amp;length=20\""), text);
    }

    @Test
    void readsBackWhatItWrites() throws Exception {
        Attributes ct = SyntheticCt.dataset(4, 4);
        Attributes back = DicomXmlReader.read(new StringReader(xml(ct)));
        assertEquals(ct, back);
    }

    @Test
    void privateElementsMoveToTheCreatorsBlock() throws Exception {
        String doc = "<NativeDicomModel><DicomAttribute tag=\"00091001\" vr=\"LO\" privateCreator=\"ACME\">"
                + "<Value number=\"1\">x</Value></DicomAttribute></NativeDicomModel>";
        Attributes a = DicomXmlReader.read(new StringReader(doc));
        assertEquals("x", a.getString(a.privateTag("ACME", 0x0009, 0x01)));
    }

    @TestFactory
    Stream<DynamicTest> xmlIsStableForEveryPydicomFile() {
        return TestFiles.dicomFiles(TestFiles.testFiles()).stream()
                .filter(p -> !TestFiles.BROKEN.contains(p.getFileName().toString()))
                .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
                    Attributes ds = DicomFiles.read(p).dataset();
                    String first = xml(ds);
                    String second = xml(DicomXmlReader.read(new StringReader(first)));
                    assertSameText(first, second);
                }));
    }

    @Test
    void rejectsBadDocumentsAndExternalEntities() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<NativeDicomModel><DicomAttribute tag=\"00100010\" vr=\"PN\"><Value>&e;</Value>"
                + "</DicomAttribute></NativeDicomModel>";
        for (String bad : new String[] {"", "<Other/>", "<NativeDicomModel><DicomAttribute tag=\"zz\"/></NativeDicomModel>",
            "<NativeDicomModel><DicomAttribute tag=\"00100010\" vr=\"QQ\"/></NativeDicomModel>",
            "<NativeDicomModel><DicomAttribute tag=\"00280010\" vr=\"US\"><Value number=\"1\">x</Value>"
                + "</DicomAttribute></NativeDicomModel>", xxe, "<NativeDicomModel>"}) {
            assertThrows(IOException.class, () -> DicomXmlReader.read(new StringReader(bad)), bad);
        }
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
