package cn.yunying.registration.application.events;

import java.time.Instant;

/**
 * A code to deliver to the applicant (mail and SMS). The plain code exists only in this event and the messages: audit
 * does not observe it, and the table keeps its hash.
 */
public record RegistrationCodeIssued(Long registrationId, String displayName, String email, String phone, String code,
                                     Instant expiresAt) {

    @Override
    public String toString() {
        return "RegistrationCodeIssued[" + registrationId + "]";
    }
}
