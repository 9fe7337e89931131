package cn.yunying.dicom.charset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yunying.dicom.TestFiles;
import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.VR;
import cn.yunying.dicom.io.DicomFile;
import cn.yunying.dicom.io.DicomFiles;
import cn.yunying.dicom.io.DicomInputStream;
import cn.yunying.dicom.io.DicomOutputStream;
import cn.yunying.dicom.io.TransferSyntax;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SpecificCharacterSetTest {

    /** Patient names of pydicom's charset files; most are the examples of PS3.5 Annexes H, I and J. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "chrArab.dcm|قباني^لنزار",
        "chrFren.dcm|Buc^Jérôme",
        "chrGerm.dcm|Äneas^Rüdiger",
        "chrGreek.dcm|Διονυσιος",
        "chrH31.dcm|Yamada^Tarou=山田^太郎=やまだ^たろう",
        "chrH32.dcm|ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう",
        "chrHbrw.dcm|שרון^דבורה",
        "chrI2.dcm|Hong^Gildong=洪^吉洞=홍^길동",
        "chrJapMulti.dcm|やまだ^たろう",
        "chrJapMultiExplicitIR6.dcm|やまだ^たろう",
        "chrKoreanMulti.dcm|김희중",
        "chrRuss.dcm|Люкceмбypг",
        "chrX1.dcm|Wang^XiaoDong=王^小東=",
        "chrX2.dcm|Wang^XiaoDong=王^小东=",
    })
    void decodesPatientNamesOfTheCharsetFiles(String file, String expected) throws Exception {
        Attributes ds = DicomFiles.read(TestFiles.charsetFile(file)).dataset();
        assertEquals(expected, ds.getString(Tag.PATIENT_NAME));
    }

    @Test
    void sequenceItemsUseTheirOwnOrTheInheritedCharset() throws Exception {
        for (String file : new String[] {"chrSQEncoding.dcm", "chrSQEncoding1.dcm"}) {
            Attributes ds = DicomFiles.read(TestFiles.charsetFile(file)).dataset();
            Attributes item = null;
            for (int i = 0; i < ds.size() && item == null; i++) {
                if (ds.getSequence(ds.tagAt(i)) != null) {
                    item = ds.getSequence(ds.tagAt(i)).get(0);
                }
            }
            assertEquals("ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう", item.getString(Tag.PATIENT_NAME), file);
        }
    }

    @Test
    void escapeBytesMatchTheStandardExample() {
        // PS3.5 H.3.1: kanji in JIS X 0208 announced by ESC $ B, back to ASCII with ESC ( B.
        SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 87");
        byte[] expected = "Yamada^Tarou=\u001b$B;3ED\u001b(B^\u001b$BB@O:\u001b(B=\u001b$B$d$^$@\u001b(B^\u001b$B$?$m$&\u001b(B"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("Yamada^Tarou=山田^太郎=やまだ^たろう", cs.decode(expected, VR.PN));
        assertArrayEquals(expected, cs.encode("Yamada^Tarou=山田^太郎=やまだ^たろう", VR.PN));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "GB18030|王^小明=王^小明",
        "ISO_IR 192|王^小明=王^小明",
        "GBK|王^小明=王^小明",
        "ISO 2022 IR 6\\ISO 2022 IR 58|王^小明=王^小明",
        "ISO 2022 IR 58|Zhang^San=张^三",
        "ISO_IR 100|Müller^Jürgen",
        "ISO_IR 101|Dvořák^Antonín",
        "ISO_IR 144|Чайковский^Пётр",
        "ISO_IR 109|Ĝojo^Ĥoraĉo",
        "ISO_IR 110|Ļauķis^Ģirts",
        "ISO_IR 126|Σωκράτης",
        "ISO_IR 127|نزار",
        "ISO_IR 138|דבורה",
        "ISO_IR 148|Öztürk^Şule",
        "ISO_IR 203|Œuvre^€",
        "ISO_IR 166|สมชาย",
        "\\ISO 2022 IR 149|Hong^Gildong=洪^吉洞=홍^길동",
        "ISO 2022 IR 13\\ISO 2022 IR 87|ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう",
        "\\ISO 2022 IR 87\\ISO 2022 IR 159|山田^丂",
        "ISO 2022 IR 100\\ISO 2022 IR 126\\ISO 2022 IR 144|Müller^Σωκράτης=Чайковский",
        "ISO 2022 IR 6\\ISO 2022 IR 58\\ISO 2022 IR 149|王^小明=홍^길동",
    })
    void encodesAndDecodesBackExactly(String terms, String name) throws Exception {
        SpecificCharacterSet cs = SpecificCharacterSet.of(terms.split("\\\\", -1));
        assertTrue(cs.isKnown(), terms);
        byte[] encoded = cs.encode(name, VR.PN);
        assertEquals(name, cs.decode(encoded, VR.PN));
        assertTrue(cs.canEncode(name, VR.PN));

        // And through a whole Part 10 round trip.
        Attributes ds = new Attributes();
        ds.setString(Tag.SPECIFIC_CHARACTER_SET, VR.CS, terms.split("\\\\", -1));
        ds.setString(Tag.PATIENT_NAME, VR.PN, name);
        ds.setString(0x00081030, VR.LO, name.replace('^', ' ').replace('=', ' '), "second");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new DicomOutputStream(bytes).writeDataSet(ds, TransferSyntax.EXPLICIT_VR_LE);
        Attributes back = new DicomInputStream(new ByteArrayInputStream(bytes.toByteArray()))
                .readDataSet(TransferSyntax.EXPLICIT_VR_LE);
        assertEquals(name, back.getString(Tag.PATIENT_NAME));
        assertEquals("second", back.getString(0x00081030, 1, null));
    }

    @Test
    void gb18030BytesAreTheOnesTheJdkProduces() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("GB18030");
        assertArrayEquals("王^小明=王^小明".getBytes(Charset.forName("GB18030")), cs.encode("王^小明=王^小明", VR.PN));
        // A GBK second byte may be 0x5C ('\'); splitting must happen after decoding.
        String tricky = "丂\\乗";
        byte[] encoded = SpecificCharacterSet.of("GBK").encode(tricky, VR.LO);
        assertEquals(2, SpecificCharacterSet.of("GBK").decode(encoded, VR.LO).split("\\\\").length);
    }

    @Test
    void iso2022Ir58UsesTheG1EscapeAndRepeatsItAfterDelimiters() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("ISO 2022 IR 6", "ISO 2022 IR 58");
        byte[] encoded = cs.encode("王^小明", VR.PN);
        String text = new String(encoded, StandardCharsets.ISO_8859_1);
        assertEquals(2, text.split("\u001b\\$\\)A", -1).length - 1, "one designation per component");
    }

    @Test
    void defaultRepertoireKeepsHighBytesAsLatin1AndUnknownTermsAreFlagged() {
        assertEquals("Ä", SpecificCharacterSet.DEFAULT.decode(new byte[] {(byte) 0xC4}, VR.LO));
        assertFalse(SpecificCharacterSet.of("ISO_IR 999").isKnown());
        assertEquals("ISO_IR 100", SpecificCharacterSet.of("ISO_IR 100").toString());
        assertTrue(SpecificCharacterSet.of("ISO_IR_100").isKnown(), "common misspelling tolerated");
    }

    @Test
    void asciiOnlyVrsIgnoreTheCharset() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("ISO_IR 192");
        byte[] uid = "1.2.3".getBytes(StandardCharsets.US_ASCII);
        assertEquals("1.2.3", cs.decode(uid, VR.UI));
    }

    @Test
    void chineseNamesRoundTripThroughFiles() throws Exception {
        DicomFile f = DicomFiles.read(TestFiles.charsetFile("chrX2.dcm"));
        Attributes ds = f.dataset();
        ds.setString(Tag.PATIENT_NAME, VR.PN, "王^小明=王^小明");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomOutputStream(out).writeFile(f);
        Attributes back = DicomFiles.parse(out.toByteArray()).dataset();
        assertEquals("王^小明=王^小明", back.getString(Tag.PATIENT_NAME));
        assertArrayEquals("王^小明=王^小明 ".getBytes(Charset.forName("GB18030")), back.getBytes(Tag.PATIENT_NAME));
    }
}
