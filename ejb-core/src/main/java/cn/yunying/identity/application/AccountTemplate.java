package cn.yunying.identity.application;

/**
 * An account whose password was already hashed by {@link UserProvisioning#hashForNewAccount} (a registration kept the
 * hash while it waited for approval): one role ({@link RoleNames}) in one institution, and the HIS account id the
 * applicant gave (may be null).
 */
public record AccountTemplate(String username, String displayName, String email, String phone, String passwordHash,
                              Long institutionId, String role, String hisAccountId) {

    public AccountTemplate(String username, String displayName, String email, String phone, String passwordHash,
                           Long institutionId, String role) {
        this(username, displayName, email, phone, passwordHash, institutionId, role, null);
    }
}
