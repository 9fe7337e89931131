package cn.yunying.dicom.dict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yunying.dicom.data.VR;
import java.util.List;
import org.junit.jupiter.api.Test;

class DictionaryTest {

    @Test
    void dictionaryIsCompleteEnoughToBeThePs36Dictionary() {
        assertTrue(ElementDictionary.standard().size() > 4900, "size " + ElementDictionary.standard().size());
    }

    @Test
    void looksUpPublicElementsByTagAndKeyword() {
        ElementEntry pn = ElementDictionary.standard().entry(0x00100010);
        assertEquals("PatientName", pn.keyword());
        assertEquals("Patient's Name", pn.name());
        assertEquals(VR.PN, pn.vr());
        assertEquals("1", pn.vm());
        assertFalse(pn.retired());
        assertEquals(0x00100010, ElementDictionary.tagOf("PatientName"));
        assertEquals(0x7FE00010, ElementDictionary.tagOf("PixelData"));
        assertEquals(List.of(VR.OB, VR.OW), ElementDictionary.standard().entry(0x7FE00010).vrs());
        assertEquals(VR.OW, ElementDictionary.vrOf(0x7FE00010), "implicit pixel data is OW");
        assertThrows(IllegalArgumentException.class, () -> ElementDictionary.tagOf("NoSuchKeyword"));
    }

    @Test
    void commandElementVrsAnsweredWithoutTheDictionaryAgreeWithIt() {
        int checked = 0;
        for (int element = 0; element <= 0xFFFF; element++) {
            ElementEntry e = ElementDictionary.standard().entry(element);
            if (e != null && !e.isRepeatingGroup()) {
                assertEquals(e.vr(), ElementDictionary.vrOf(element), "VR of (0000," + Integer.toHexString(element) + ")");
                checked++;
            }
        }
        assertTrue(checked >= 24, "command elements in the dictionary: " + checked);
    }

    @Test
    void retiredFlagIsKept() {
        assertTrue(ElementDictionary.standard().entry(0x00000001).retired()); // Command Length to End
        assertTrue(ElementDictionary.standard().entry("SourceImageIDs").retired());
    }

    @Test
    void repeatingGroupsMatchEveryGroupOfTheirRange() {
        for (int group = 0x6000; group <= 0x601E; group += 2) {
            ElementEntry overlay = ElementDictionary.standard().entry(group << 16 | 0x3000);
            assertNotNull(overlay, Integer.toHexString(group));
            assertEquals("OverlayData", overlay.keyword());
            assertTrue(overlay.isRepeatingGroup());
        }
        assertEquals("CurveData", ElementDictionary.standard().entry(0x50043000).keyword());
        assertEquals("ZonalMap", ElementDictionary.standard().entry(0x10101234).keyword());
        assertEquals(VR.US, ElementDictionary.vrOf(0x60020010));
    }

    @Test
    void impliedVrsForSpecialTags() {
        assertEquals(VR.UL, ElementDictionary.vrOf(0x00090000), "group length");
        assertEquals(VR.LO, ElementDictionary.vrOf(0x00290010), "private creator");
        assertEquals(VR.UN, ElementDictionary.vrOf(0x00291010), "private without creator");
        assertEquals(VR.UN, ElementDictionary.vrOf(0x00080001 + 0x7000), "unknown public");
        assertEquals("", ElementDictionary.keywordOf(0x00291010));
        assertNull(ElementDictionary.standard().entry(0x0008FFF0));
    }

    @Test
    void uidRegistryKnowsTransferSyntaxesAndSopClasses() {
        UidEntry explicit = UidRegistry.standard().entry("1.2.840.10008.1.2.1");
        assertEquals("ExplicitVRLittleEndian", explicit.keyword());
        assertTrue(explicit.isTransferSyntax());
        UidEntry ct = UidRegistry.standard().byKeyword("CTImageStorage");
        assertEquals("1.2.840.10008.5.1.4.1.1.2", ct.uid());
        assertTrue(ct.isSopClass());
        assertTrue(UidRegistry.standard().entry("1.2.840.10008.1.2.2").retired(), "big endian is retired");
        assertEquals("Verification SOP Class", UidRegistry.nameOf("1.2.840.10008.1.1"));
        assertEquals("1.2.3.4", UidRegistry.nameOf("1.2.3.4"));
        assertTrue(UidRegistry.standard().entries().stream().filter(UidEntry::isTransferSyntax).count() > 40);
        assertTrue(UidRegistry.standard().entries().stream().anyMatch(e -> e.type().startsWith("Well-known frame")));
    }

    @Test
    void generatedUidsAreValidAndUnique() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String uid = cn.yunying.dicom.data.UID.randomUid();
            assertTrue(uid.startsWith("2.25.") && cn.yunying.dicom.data.UID.isValid(uid), uid);
            assertTrue(seen.add(uid));
        }
        assertFalse(cn.yunying.dicom.data.UID.isValid("1.02.3"));
        assertFalse(cn.yunying.dicom.data.UID.isValid("1..3"));
        assertFalse(cn.yunying.dicom.data.UID.isValid("1.2.a"));
        assertTrue(cn.yunying.dicom.data.UID.isValid("1.2.840.10008.1.2.1"));
    }

    @Test
    void privateDictionaryIsKeyedByCreatorGroupAndOffset() {
        PrivateDictionary.Entry csa = PrivateDictionary.standard().entry("SIEMENS CSA HEADER", 0x0029, 0x10);
        assertNotNull(csa);
        assertEquals(VR.OB, csa.vr());
        // The block byte in the tag does not matter, only the creator and offset.
        assertEquals(VR.OB, PrivateDictionary.vrOf("SIEMENS CSA HEADER", 0x00291010));
        assertEquals(VR.OB, PrivateDictionary.vrOf("SIEMENS CSA HEADER", 0x00291210));
        assertEquals(VR.UN, PrivateDictionary.vrOf("NO SUCH CREATOR", 0x00291010));
    }
}
