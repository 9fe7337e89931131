package cn.yunying.identity.application.events;

import java.time.Instant;

/**
 * A reset link to mail. The plain token exists only in this event and the mail (the table keeps its SHA-256); audit
 * observes {@link PasswordResetStep}, not this.
 */
public record PasswordResetRequested(String username, String displayName, String email, String token,
                                     Instant expiresAt) {

    @Override
    public String toString() {
        return "PasswordResetRequested[" + username + "]";
    }
}
