package cn.yunying.identity.domain;

import java.time.Duration;

/**
 * Lockout after repeated failures: after {@code maxFailures} consecutive wrong passwords the account is locked
 * for {@code lockDuration}; a success resets the counter. Kept as a value so tests and settings can vary it.
 */
public record LoginPolicy(int maxFailures, Duration lockDuration) {

    public static final LoginPolicy DEFAULT = new LoginPolicy(5, Duration.ofMinutes(15));

    public LoginPolicy {
        if (maxFailures < 1 || lockDuration.isNegative()) {
            throw new IllegalArgumentException("maxFailures must be positive and lockDuration not negative");
        }
    }
}
