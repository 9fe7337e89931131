package cn.yunying.dicom.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AttributesTest {

    @Test
    void keepsAttributesSortedByUnsignedTagWhateverTheInsertionOrder() {
        Attributes a = new Attributes();
        int[] tags = {0x7FE00010, 0x00100010, 0xFFFCFFFC, 0x00080005, 0x00200013, 0x00100020, 0x00290010};
        for (int t : tags) {
            a.setString(t, VR.LO, Integer.toHexString(t));
        }
        int[] expected = tags.clone();
        java.util.Arrays.sort(expected);
        // 0xFFFCFFFC is negative as int: it must still sort last.
        int[] sortedUnsigned = java.util.Arrays.stream(tags).mapToLong(t -> t & 0xFFFFFFFFL).sorted()
                .mapToInt(l -> (int) l).toArray();
        assertArrayEquals(sortedUnsigned, a.tags());
        assertEquals(0xFFFCFFFC, a.tagAt(a.size() - 1));
        assertEquals("fffcfffc", a.getString(0xFFFCFFFC));
    }

    @Test
    void randomInsertAndRemoveMatchesASortedReference() {
        Random random = new Random(42);
        Attributes a = new Attributes();
        java.util.TreeMap<Long, String> reference = new java.util.TreeMap<>();
        for (int i = 0; i < 2000; i++) {
            int tag = random.nextInt(64) << 16 | random.nextInt(16);
            if (random.nextInt(4) == 0) {
                a.remove(tag);
                reference.remove(tag & 0xFFFFFFFFL);
            } else {
                a.setString(tag, VR.SH, "v" + i);
                reference.put(tag & 0xFFFFFFFFL, "v" + i);
            }
        }
        assertEquals(reference.size(), a.size());
        int i = 0;
        for (var e : reference.entrySet()) {
            assertEquals(e.getKey().intValue(), a.tagAt(i));
            assertEquals(e.getValue(), a.getString(a.tagAt(i++)));
        }
    }

    @Test
    void multiValuedStringsAndPadding() {
        Attributes a = new Attributes();
        a.setBytes(Tag.IMAGE_TYPE, VR.CS, "ORIGINAL\\PRIMARY\\AXIAL ".getBytes());
        assertArrayEquals(new String[] {"ORIGINAL", "PRIMARY", "AXIAL"}, a.getStrings(Tag.IMAGE_TYPE));
        assertEquals("PRIMARY", a.getString(Tag.IMAGE_TYPE, 1, null));
        assertEquals("none", a.getString(Tag.IMAGE_TYPE, 5, "none"));
        a.setBytes(Tag.SOP_INSTANCE_UID, VR.UI, "1.2.3\0".getBytes());
        assertEquals("1.2.3", a.getString(Tag.SOP_INSTANCE_UID));
        a.setBytes(0x00204000, VR.LT, "  indented\\text  ".getBytes());
        assertEquals("  indented\\text", a.getString(0x00204000), "LT keeps leading spaces and backslashes");
        a.setString(0x00081030, VR.LO, "a", "", "c");
        assertArrayEquals(new String[] {"a", "", "c"}, a.getStrings(0x00081030));
        a.setValue(0x00081040, VR.LO, null);
        assertEquals(0, a.getStrings(0x00081040).length);
        assertTrue(a.contains(0x00081040));
        assertFalse(a.containsValue(0x00081040));
        assertNull(a.getString(0x00081040));
    }

    @Test
    void numbersFromTextAndBinaryInBothByteOrders() {
        for (boolean bigEndian : new boolean[] {false, true}) {
            Attributes a = new Attributes(bigEndian, 8);
            a.setInt(Tag.ROWS, VR.US, 512);
            a.setInt(0x00281052, VR.SS, -1024);
            a.setLong(0x00181150, VR.UL, 0xFFFFFFF0L);
            a.setInt(0x00181151, VR.SL, -7);
            a.setDouble(0x00181152, VR.FD, 2.5, -0.125);
            a.setFloat(0x00181153, VR.FL, 1.5f);
            a.setLong(0x00181154, VR.UV, Long.MAX_VALUE);
            a.setLong(0x00181155, VR.SV, Long.MIN_VALUE);
            a.setLong(0x00209165, VR.AT, 0x00100010L, 0x7FE00010L);
            assertEquals(512, a.getInt(Tag.ROWS, 0));
            assertEquals(-1024, a.getInt(0x00281052, 0));
            assertEquals(0xFFFFFFF0L, a.getLongs(0x00181150)[0]);
            assertEquals(-7, a.getInt(0x00181151, 0));
            assertArrayEquals(new double[] {2.5, -0.125}, a.getDoubles(0x00181152));
            assertEquals(1.5f, a.getFloat(0x00181153, 0));
            assertEquals(Long.MAX_VALUE, a.getLongs(0x00181154)[0]);
            assertEquals(Long.MIN_VALUE, a.getLongs(0x00181155)[0]);
            assertArrayEquals(new String[] {"00100010", "7FE00010"}, a.getStrings(0x00209165));
            byte[] rows = a.getBytes(Tag.ROWS);
            assertEquals(bigEndian ? 2 : 0, rows[0] & 0xFF, "byte order of US 512");
        }
        Attributes text = new Attributes();
        text.setString(Tag.INSTANCE_NUMBER, VR.IS, " +12 ");
        text.setString(0x00280030, VR.DS, "0.5\\1e-1");
        assertEquals(12, text.getInt(Tag.INSTANCE_NUMBER, 0));
        assertArrayEquals(new double[] {0.5, 0.1}, text.getDoubles(0x00280030));
        text.setDouble(0x00281050, VR.DS, 40.0, 1.0 / 3);
        assertArrayEquals(new String[] {"40", "0.33333333333333"}, text.getStrings(0x00281050));
        assertTrue(text.getStrings(0x00281050)[1].length() <= 16);
    }

    @Test
    void datesTimesAndDateTimes() {
        Attributes a = new Attributes();
        a.setDate(Tag.STUDY_DATE, LocalDate.of(2024, 2, 29));
        a.setTime(Tag.STUDY_TIME, LocalTime.of(13, 5, 7, 250_000_000));
        a.setDateTime(0x0008002A, OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(8)));
        assertEquals("20240229", a.getString(Tag.STUDY_DATE));
        assertEquals("130507.250000", a.getString(Tag.STUDY_TIME));
        assertEquals("20240102030405+0800", a.getString(0x0008002A));
        assertEquals(LocalDate.of(2024, 2, 29), a.getDate(Tag.STUDY_DATE));
        assertEquals(LocalTime.of(13, 5, 7, 250_000_000), a.getTime(Tag.STUDY_TIME));
        assertEquals(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(8)), a.getDateTime(0x0008002A));
        assertEquals(LocalTime.of(10, 12), DicomDates.parseTime("1012"));
        assertEquals(LocalDate.of(1999, 12, 31), DicomDates.parseDate("1999.12.31"));
        assertEquals(LocalDateTime.of(2001, 1, 1, 0, 0), DicomDates.parseDateTime("2001"));
        assertEquals(OffsetDateTime.of(2001, 5, 6, 7, 0, 0, 0, ZoneOffset.ofHoursMinutes(-5, -30)),
                DicomDates.parseDateTime("2001050607-0530"));
        assertThrows(java.time.format.DateTimeParseException.class, () -> DicomDates.parseDate("20AB"));
    }

    @Test
    void personNameGroupsAndComponents() {
        PersonName pn = PersonName.parse("王^小明=王^小明=wang^xiaoming");
        assertEquals("王", pn.get(PersonName.Group.ALPHABETIC, PersonName.Component.FAMILY));
        assertEquals("小明", pn.get(PersonName.Group.IDEOGRAPHIC, PersonName.Component.GIVEN));
        assertEquals("wang^xiaoming", pn.getGroup(PersonName.Group.PHONETIC));
        assertEquals("王^小明=王^小明=wang^xiaoming", pn.toString());
        PersonName built = new PersonName().set(PersonName.Group.ALPHABETIC, PersonName.Component.FAMILY, "Doe")
                .set(PersonName.Group.ALPHABETIC, PersonName.Component.SUFFIX, "Jr");
        assertEquals("Doe^^^^Jr", built.toString());
        assertEquals("Doe", PersonName.parse("Doe^^^^").toString());
        Attributes a = new Attributes();
        a.setPersonName(Tag.PATIENT_NAME, pn);
        assertEquals(pn, a.getPersonName(Tag.PATIENT_NAME));
    }

    @Test
    void sequencesNestAndInheritByteOrderAndCharset() {
        Attributes a = new Attributes(true, 8);
        a.setString(Tag.SPECIFIC_CHARACTER_SET, VR.CS, "ISO_IR 192");
        Sequence seq = a.newSequence(0x00081140, 1);
        Attributes item = seq.addNew();
        item.setInt(Tag.ROWS, VR.US, 7);
        assertSame(a, item.parent());
        assertTrue(item.isBigEndian());
        assertEquals("ISO_IR 192", item.getSpecificCharacterSet().toString());
        assertEquals(1, item.depth());
        assertEquals(7, a.getSequence(0x00081140).get(0).getInt(Tag.ROWS, 0));
        Attributes other = new Attributes();
        assertThrows(IllegalArgumentException.class, () -> new Attributes().newSequence(1, 1).add(seq.get(0)));
        assertThrows(IllegalArgumentException.class, () -> other.setValue(0x00081140, VR.SQ, seq));
    }

    @Test
    void privateAttributesAreFoundByCreatorWhateverTheBlock() {
        Attributes a = new Attributes();
        a.setString(0x00290010, VR.LO, "OTHER VENDOR");
        a.setString(0x00290011, VR.LO, "YUNYING");
        a.setString(0x00291108, VR.CS, "ours");
        assertEquals(0x00291108, a.privateTag("YUNYING", 0x0029, 0x08));
        assertEquals("ours", a.getString(a.privateTag("YUNYING", 0x0029, 0x08)));
        assertEquals("YUNYING", a.getPrivateCreator(0x00291108));
        assertEquals(-1, a.privateTag("NOBODY", 0x0029, 0x08));
        int reserved = a.reservePrivateTag("NEW", 0x0029, 0x01);
        assertEquals(0x00291201, reserved);
        assertEquals("NEW", a.getString(0x00290012));
    }

    @Test
    void addAllReplacesAddMissingKeepsMergeKeepsNonEmptyAndMergesItems() {
        Attributes target = new Attributes();
        target.setString(Tag.PATIENT_ID, VR.LO, "P1");
        target.setString(Tag.PATIENT_NAME, VR.PN, "Old^Name");
        Attributes item = target.newSequence(0x00081140, 1).addNew();
        item.setString(0x00081150, VR.UI, "1.2");
        item.setString(0x00081155, VR.UI, "1.2.3");

        Attributes source = new Attributes();
        source.setString(Tag.PATIENT_ID, VR.LO, "P2");
        source.setValue(Tag.PATIENT_NAME, VR.PN, null);
        source.setString(Tag.ACCESSION_NUMBER, VR.SH, "A7");
        source.newSequence(0x00081140, 1).addNew().setString(0x00081155, VR.UI, "9.9.9");

        Attributes missing = target.deepCopy().addMissing(source);
        assertEquals("P1", missing.getString(Tag.PATIENT_ID));
        assertEquals("A7", missing.getString(Tag.ACCESSION_NUMBER));
        assertEquals("1.2.3", missing.getSequence(0x00081140).get(0).getString(0x00081155));

        Attributes all = target.deepCopy().addAll(source);
        assertEquals("P2", all.getString(Tag.PATIENT_ID));
        assertNull(all.getString(Tag.PATIENT_NAME), "addAll copies the empty value");
        assertNull(all.getSequence(0x00081140).get(0).getString(0x00081150), "addAll replaces the whole sequence");

        Attributes merged = target.deepCopy().merge(source);
        assertEquals("P2", merged.getString(Tag.PATIENT_ID));
        assertEquals("Old^Name", merged.getString(Tag.PATIENT_NAME), "merge ignores empty values");
        Attributes mergedItem = merged.getSequence(0x00081140).get(0);
        assertEquals("1.2", mergedItem.getString(0x00081150));
        assertEquals("9.9.9", mergedItem.getString(0x00081155));
        assertEquals("A7", merged.getString(Tag.ACCESSION_NUMBER));
    }

    @Test
    void copyingRemapsPrivateBlocksAndReencodesText() {
        Attributes gb = new Attributes();
        gb.setString(Tag.SPECIFIC_CHARACTER_SET, VR.CS, "GB18030");
        gb.setBytes(Tag.PATIENT_NAME, VR.PN, "王^小明".getBytes(java.nio.charset.Charset.forName("GB18030")));
        gb.setString(0x00090010, VR.LO, "VENDOR A");
        gb.setString(0x00091001, VR.LO, "a");

        Attributes utf8 = new Attributes();
        utf8.setString(Tag.SPECIFIC_CHARACTER_SET, VR.CS, "ISO_IR 192");
        utf8.setString(0x00090010, VR.LO, "VENDOR B");
        utf8.setString(0x00091001, VR.LO, "b");
        utf8.addMissing(gb);
        assertEquals("王^小明", utf8.getString(Tag.PATIENT_NAME));
        assertEquals("ISO_IR 192", utf8.getString(Tag.SPECIFIC_CHARACTER_SET));
        assertEquals("a", utf8.getString(utf8.privateTag("VENDOR A", 0x0009, 0x01)));
        assertEquals("b", utf8.getString(utf8.privateTag("VENDOR B", 0x0009, 0x01)));
        assertEquals(0x00091101, utf8.privateTag("VENDOR A", 0x0009, 0x01));
    }

    @Test
    void equalityComparesContentNotEncoding() {
        Attributes le = new Attributes(false, 4);
        Attributes be = new Attributes(true, 4);
        le.setInt(Tag.ROWS, VR.US, 256);
        be.setInt(Tag.ROWS, VR.US, 256);
        le.setBytes(Tag.PATIENT_NAME, VR.PN, "Doe^John ".getBytes());
        be.setString(Tag.PATIENT_NAME, VR.PN, "Doe^John");
        assertEquals(le, be);
        assertEquals(le.hashCode(), be.hashCode());
        be.setInt(Tag.ROWS, VR.US, 257);
        assertNotEquals(le, be);
        Attributes copy = le.deepCopy();
        assertEquals(le, copy);
        copy.convertByteOrder(true);
        assertEquals(le, copy);
        assertEquals(256, copy.getInt(Tag.ROWS, 0));
    }

    @Test
    void dumpShowsTagVrLengthValueKeywordAndIndentsItems() {
        Attributes a = new Attributes();
        a.setString(Tag.PATIENT_NAME, VR.PN, "Doe^John");
        a.newSequence(0x00081140, 1).addNew().setString(0x00081155, VR.UI, "1.2.3");
        String dump = AttributesDump.dump(a);
        assertTrue(dump.contains("(0010,0010) PN #8 [Doe^John] PatientName"), dump);
        assertTrue(dump.contains("(0008,1140) SQ #-1 1 item(s) ReferencedImageSequence"), dump);
        assertTrue(dump.contains(">(0008,1155) UI #6 [1.2.3] ReferencedSOPInstanceUID"), dump);
    }
}
