package cn.yunying.identity.application.events;

import java.time.Instant;

/**
 * For the audit trail: a reset was REQUESTED (for an account or, with {@code success} false, for none) or COMPLETED,
 * or a link was REFUSED. {@code subject} is the account or the name that was typed.
 */
public record PasswordResetStep(String step, String subject, boolean success, String detail, String sourceAddress,
                                Instant at) {
}
