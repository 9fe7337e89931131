package cn.yunying.registration.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ApplicantTest {

    private static Applicant with(String username, String email, String phone, String role) {
        return Applicant.checked(username, "李 娜", email, phone, 3L, "放射科", " ", role);
    }

    private static String invalidField(String username, String email, String phone, String role) {
        return assertThrows(Applicant.InvalidField.class, () -> with(username, email, phone, role)).field();
    }

    @Test
    void normalisesWhatItKeeps() {
        Applicant applicant = with(" Li.Na ", "Li.Na@Clinic.CN", "+86 139-1234-5678", "clinician");
        assertEquals("li.na", applicant.username());
        assertEquals("li.na@clinic.cn", applicant.email());
        assertEquals("13912345678", applicant.phone());
        assertEquals("CLINICIAN", applicant.role());
        assertEquals("李 娜", applicant.displayName());
        assertNull(applicant.hisAccountId(), "a blank HIS id is none");
    }

    @Test
    void acceptsOnlyMainlandMobileNumbers() {
        assertEquals("13012345678".replace("130", "135"), with("doc", "d@x.cn", "13512345678", "TECHNICIAN").phone());
        assertEquals("phone", invalidField("doc", "d@x.cn", "12312345678", "TECHNICIAN"));
        assertEquals("phone", invalidField("doc", "d@x.cn", "1391234567", "TECHNICIAN"));
        assertEquals("phone", invalidField("doc", "d@x.cn", "010-12345678", "TECHNICIAN"));
    }

    @Test
    void refusesOtherRolesBadNamesAndAddresses() {
        assertEquals("role", invalidField("doc", "d@x.cn", "13912345678", "INSTITUTION_ADMIN"));
        assertEquals("role", invalidField("doc", "d@x.cn", "13912345678", "PLATFORM_ADMIN"));
        assertEquals("username", invalidField("王芳", "d@x.cn", "13912345678", "RADIOLOGIST"));
        assertEquals("email", invalidField("doc", "not-an-address", "13912345678", "RADIOLOGIST"));
        assertEquals("department", assertThrows(Applicant.InvalidField.class, () -> Applicant.checked("doc", "王芳",
                "d@x.cn", "13912345678", 3L, "", null, "RADIOLOGIST")).field());
        assertEquals("institution", assertThrows(Applicant.InvalidField.class, () -> Applicant.checked("doc", "王芳",
                "d@x.cn", "13912345678", null, "放射科", null, "RADIOLOGIST")).field());
    }
}
