package cn.yunying.identity.application;

/**
 * An account whose password was already hashed by {@link UserProvisioning#hashForNewAccount} (a registration kept the
 * hash while it waited for approval): one role ({@link RoleNames}) in one institution.
 */
public record AccountTemplate(String username, String displayName, String email, String phone, String passwordHash,
                              Long institutionId, String role) {
}
