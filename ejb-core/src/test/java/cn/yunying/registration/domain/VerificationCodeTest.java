package cn.yunying.registration.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VerificationCodeTest {

    @Test
    void codesAreSixDigits() {
        for (int i = 0; i < 200; i++) {
            assertTrue(VerificationCode.generate().matches("\\d{6}"));
        }
    }

    @Test
    void theStoredFormIsSaltedAndDoesNotContainTheCode() {
        String first = VerificationCode.hash("123456");
        String second = VerificationCode.hash("123456");
        assertNotEquals(first, second, "a fresh salt each time");
        assertFalse(first.contains("123456"));
        assertTrue(VerificationCode.matches("123456", first));
        assertTrue(VerificationCode.matches("123456", second));
    }

    @Test
    void otherCodesAndMalformedInputDoNotMatch() {
        String stored = VerificationCode.hash("123456");
        assertFalse(VerificationCode.matches("123457", stored));
        assertFalse(VerificationCode.matches(null, stored));
        assertFalse(VerificationCode.matches("123456", null));
        assertFalse(VerificationCode.matches("123456", "no-dollar"));
    }
}
