package cn.yunying.identity.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PasswordResetTest {

    private static final Instant T0 = Instant.parse("2026-11-23T06:00:00Z");

    @Test
    void tokensAreLongRandomAndStoredOnlyAsTheirHash() {
        String token = PasswordReset.newToken();
        assertEquals(43, token.length(), "256 bits, URL-safe Base64");
        assertNotEquals(token, PasswordReset.newToken());
        assertEquals(64, PasswordReset.hashOf(token).length());
        assertFalse(PasswordReset.hashOf(token).contains(token));
    }

    @Test
    void aLinkWorksOnceWithinThirtyMinutes() {
        PasswordReset reset = new PasswordReset(1L, PasswordReset.newToken(), T0);
        assertEquals(T0.plusSeconds(1800), reset.getExpiresAt());
        assertTrue(reset.usableAt(T0.plusSeconds(1799)));
        assertTrue(reset.use(T0.plusSeconds(60)));
        assertFalse(reset.usableAt(T0.plusSeconds(61)), "single use");
        assertFalse(reset.use(T0.plusSeconds(62)));
    }

    @Test
    void anExpiredLinkCannotBeUsed() {
        PasswordReset reset = new PasswordReset(1L, PasswordReset.newToken(), T0);
        assertFalse(reset.usableAt(T0.plusSeconds(1800)));
        assertFalse(reset.use(T0.plusSeconds(1800)));
    }
}
