package cn.yunying.registration.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yunying.registration.domain.Registration.Verification;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RegistrationTest {

    private static final Instant T0 = Instant.parse("2026-11-23T06:00:00Z");
    private static final String CODE = "042917";

    private static Registration submitted() {
        Applicant applicant = Applicant.checked("wang.fang", "王芳", "wang@clinic.cn", "13912345678", 7L, "放射科", null,
                "RADIOLOGIST");
        return new Registration(applicant, "$pbkdf2-sha512$1$x$y", VerificationCode.hash(CODE), T0);
    }

    private static Registration verified() {
        Registration registration = submitted();
        assertEquals(Verification.VERIFIED, registration.verify(CODE, T0.plusSeconds(60)));
        return registration;
    }

    @Test
    void aNewRequestIsUnverifiedWithACodeValidForTenMinutes() {
        Registration registration = submitted();
        assertEquals(RegistrationStatus.UNVERIFIED, registration.getStatus());
        assertEquals(T0.plusSeconds(600), registration.getCodeExpiresAt());
        assertEquals(5, registration.attemptsLeft());
    }

    @Test
    void theRightCodeWithinTenMinutesVerifies() {
        Registration registration = submitted();
        assertEquals(Verification.VERIFIED, registration.verify(" " + CODE + " ", T0.plusSeconds(599)));
        assertEquals(RegistrationStatus.AWAITING_APPROVAL, registration.getStatus());
        assertEquals(T0.plusSeconds(599), registration.getVerifiedAt());
    }

    @Test
    void theRightCodeAfterTenMinutesIsExpiredAndDoesNotCount() {
        Registration registration = submitted();
        assertEquals(Verification.EXPIRED, registration.verify(CODE, T0.plusSeconds(600)));
        assertEquals(RegistrationStatus.UNVERIFIED, registration.getStatus());
        assertEquals(5, registration.attemptsLeft());
        assertFalse(registration.reservesIdentifiersAt(T0.plusSeconds(600)), "an expired request frees its names");
        assertTrue(registration.reservesIdentifiersAt(T0.plusSeconds(599)));
    }

    @Test
    void wrongCodesCountAndTheFifthEndsTheRequest() {
        Registration registration = submitted();
        for (int left = 4; left >= 1; left--) {
            assertEquals(Verification.WRONG_CODE, registration.verify("000000", T0.plusSeconds(10)));
            assertEquals(left, registration.attemptsLeft());
        }
        assertEquals(Verification.TOO_MANY_ATTEMPTS, registration.verify("000001", T0.plusSeconds(20)));
        assertEquals(RegistrationStatus.FAILED, registration.getStatus());
        assertEquals(Verification.TOO_MANY_ATTEMPTS, registration.verify(CODE, T0.plusSeconds(30)),
                "even the right code is refused after five wrong ones");
        assertEquals(RegistrationStatus.FAILED, registration.getStatus());
        assertFalse(registration.reservesIdentifiersAt(T0.plusSeconds(30)));
    }

    @Test
    void aVerifiedRequestCannotBeVerifiedAgain() {
        Registration registration = verified();
        assertEquals(Verification.NOT_PENDING, registration.verify(CODE, T0.plusSeconds(90)));
        assertEquals(RegistrationStatus.AWAITING_APPROVAL, registration.getStatus());
        assertTrue(registration.reservesIdentifiersAt(T0.plusSeconds(3600)), "waiting for approval keeps the names");
    }

    @Test
    void onlyAVerifiedRequestCanBeDecided() {
        Registration unverified = submitted();
        RegistrationRefused refused = assertThrows(RegistrationRefused.class, () -> unverified.approve("admin", T0));
        assertEquals(RegistrationRefused.Why.NOT_ALLOWED, refused.why());
        assertThrows(RegistrationRefused.class, () -> unverified.reject("admin", T0, "unknown doctor"));
        assertEquals(RegistrationStatus.UNVERIFIED, unverified.getStatus());
    }

    @Test
    void approvalIsFinal() {
        Registration registration = verified();
        registration.approve("clinic1-admin", T0.plusSeconds(120));
        assertEquals(RegistrationStatus.APPROVED, registration.getStatus());
        assertEquals("clinic1-admin", registration.getDecidedBy());
        assertNull(registration.getReason());
        assertThrows(RegistrationRefused.class, () -> registration.reject("clinic1-admin", T0, "changed my mind"));
        assertThrows(RegistrationRefused.class, () -> registration.approve("clinic1-admin", T0));
        assertFalse(registration.reservesIdentifiersAt(T0), "the account now holds the names");
    }

    @Test
    void rejectionNeedsAReasonAndIsFinal() {
        Registration registration = verified();
        RegistrationRefused refused = assertThrows(RegistrationRefused.class,
                () -> registration.reject("clinic1-admin", T0, "  "));
        assertEquals(RegistrationRefused.Why.REASON_REQUIRED, refused.why());
        assertEquals(RegistrationStatus.AWAITING_APPROVAL, registration.getStatus());
        registration.reject("clinic1-admin", T0.plusSeconds(120), " 非本院医生 ");
        assertEquals(RegistrationStatus.REJECTED, registration.getStatus());
        assertEquals("非本院医生", registration.getReason());
        assertThrows(RegistrationRefused.class, () -> registration.approve("clinic1-admin", T0));
    }

    @Test
    void openStatesAreUnverifiedAndAwaitingApproval() {
        for (RegistrationStatus status : RegistrationStatus.values()) {
            assertEquals(status == RegistrationStatus.UNVERIFIED || status == RegistrationStatus.AWAITING_APPROVAL,
                    status.isOpen(), status.name());
        }
    }
}
