package cn.yunying.archive.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The component groups a patient's name is indexed by (V0013), as the migration's backfill derives them. */
class ArchivePatientTest {

    @Test
    void groupsAreSplitAtTheFirstTwoEqualsSigns() {
        assertEquals("ZHANG^SAN", ArchivePatient.group("ZHANG^SAN=张^三=ちょう^さん", 0));
        assertEquals("张^三", ArchivePatient.group("ZHANG^SAN=张^三=ちょう^さん", 1));
        assertEquals("ちょう^さん", ArchivePatient.group("ZHANG^SAN=张^三=ちょう^さん", 2));
        assertEquals("=X", ArchivePatient.group("A=B==X", 2), "later '=' belong to the phonetic group");
    }

    @Test
    void absentOrEmptyGroupsAreNull() {
        assertNull(ArchivePatient.group("ZHANG^SAN", 1));
        assertNull(ArchivePatient.group("ZHANG^SAN=", 1));
        assertNull(ArchivePatient.group("=张^三", 0));
        assertEquals("张^三", ArchivePatient.group("=张^三", 1));
        assertNull(ArchivePatient.group(null, 1));
    }
}
