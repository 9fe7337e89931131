package cn.yunying.identity.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserAccountTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private final LoginPolicy policy = new LoginPolicy(3, Duration.ofMinutes(15));

    private UserAccount account() {
        return new UserAccount("clinic1-rad", "李明", "$hash", UserStatus.ACTIVE, NOW);
    }

    @Test
    void locksAfterTheConfiguredNumberOfFailuresAndUnlocksWhenTheTimeIsUp() {
        UserAccount account = account();
        account.recordFailedLogin(policy, NOW);
        account.recordFailedLogin(policy, NOW);
        assertFalse(account.isLockedAt(NOW));
        account.recordFailedLogin(policy, NOW);
        assertTrue(account.isLockedAt(NOW));
        assertTrue(account.isLockedAt(NOW.plus(Duration.ofMinutes(14))));
        assertFalse(account.isLockedAt(NOW.plus(Duration.ofMinutes(15))));
    }

    @Test
    void aSuccessResetsTheFailureCount() {
        UserAccount account = account();
        account.recordFailedLogin(policy, NOW);
        account.recordFailedLogin(policy, NOW);
        account.recordSuccessfulLogin(NOW);
        account.recordFailedLogin(policy, NOW);
        account.recordFailedLogin(policy, NOW);
        assertFalse(account.isLockedAt(NOW));
        assertEquals(NOW, account.getLastLoginAt());
    }

    @Test
    void aLoginIsWrittenWhenItClearsFailuresOrTheLastOneIsAMinuteOld() {
        UserAccount account = account();
        assertTrue(account.isLoginWorthRecording(NOW), "never logged in");
        account.recordSuccessfulLogin(NOW);
        assertFalse(account.isLoginWorthRecording(NOW.plusSeconds(59)), "a burst of requests writes the row once");
        assertTrue(account.isLoginWorthRecording(NOW.plusSeconds(61)));
        account.recordFailedLogin(policy, NOW.plusSeconds(1));
        assertTrue(account.isLoginWorthRecording(NOW.plusSeconds(2)), "a failure count to clear");
    }

    @Test
    void grantingTheSameRoleTwiceKeepsOneAssignmentButRolesInTwoInstitutionsAreKept() {
        UserAccount account = account();
        account.grant(Role.RADIOLOGIST, 2L);
        account.grant(Role.RADIOLOGIST, 2L);
        account.grant(Role.RADIOLOGIST, 1L);
        account.grant(Role.CLINICIAN, 2L);
        assertEquals(3, account.getRoles().size());
    }

    @Test
    void userNamesAreLowerCaseAsciiSoTheyWorkInUrlsLogsAndHisMappings() {
        for (String bad : List.of("", "A", "Admin", "x y", "<script>", "a'; drop table", "王五", "-lead")) {
            assertThrows(IllegalArgumentException.class, () -> UserAccount.checkUsername(bad), bad);
        }
        assertEquals("clinic1-rad", UserAccount.checkUsername("clinic1-rad"));
    }

    @Test
    void passwordPolicyNamesEachBrokenRule() {
        assertEquals(List.of("password.tooShort"), PasswordPolicy.violations("bob", "abc12".toCharArray()));
        assertEquals(List.of("password.needsLettersAndDigits"),
                PasswordPolicy.violations("bob", "abcdefgh".toCharArray()));
        assertEquals(List.of("password.containsUsername"),
                PasswordPolicy.violations("clinic1", "Clinic1-2026".toCharArray()));
        assertEquals(List.of(), PasswordPolicy.violations("admin", "Demo-2026".toCharArray()));
    }
}
