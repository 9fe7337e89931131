package cn.yunying.registration.application;

import java.time.Instant;

/** A registration request as shown to the applicant (after submitting) and to the deciding administrator. */
public record RegistrationView(Long id, String username, String displayName, String email, String phone,
                               Long institutionId, String institutionCode, String department, String hisAccountId,
                               String role, String status, Instant codeExpiresAt, Instant verifiedAt, String decidedBy,
                               String reason) {
}
