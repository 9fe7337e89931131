package cn.yunying.identity.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(1_000);

    @Test
    void aHashVerifiesItsOwnPasswordAndNoOther() {
        String hash = hasher.hash("Demo-2026".toCharArray());
        assertTrue(hasher.matches("Demo-2026".toCharArray(), hash));
        assertFalse(hasher.matches("demo-2026".toCharArray(), hash));
        assertFalse(hasher.matches("".toCharArray(), hash));
    }

    @Test
    void theHashIsSaltedAndNeverContainsThePassword() {
        String first = hasher.hash("Demo-2026".toCharArray());
        String second = hasher.hash("Demo-2026".toCharArray());
        assertNotEquals(first, second);
        assertFalse(first.contains("Demo-2026"));
        assertTrue(first.startsWith("$pbkdf2-sha512$1000$"), first);
    }

    @Test
    void theStoredIterationCountIsHonouredSoTheWorkFactorCanBeRaisedLater() {
        String weak = new PasswordHasher(500).hash("密码Secret1".toCharArray());
        assertTrue(new PasswordHasher().matches("密码Secret1".toCharArray(), weak));
    }

    @Test
    void malformedStoredHashesNeverMatch() {
        for (String stored : new String[] {null, "", "plain", "$pbkdf2-sha512$x$y$z", "$pbkdf2-sha512$10$!!$??",
                "$pbkdf2-sha512$0$AAAA$AAAA", "$md5$abc"}) {
            assertFalse(hasher.matches("anything".toCharArray(), stored), String.valueOf(stored));
        }
    }
}
