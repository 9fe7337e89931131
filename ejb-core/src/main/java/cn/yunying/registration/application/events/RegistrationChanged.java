package cn.yunying.registration.application.events;

import java.time.Instant;

/** A registration was SUBMITTED, VERIFIED, FAILED (too many wrong codes), APPROVED or REJECTED ({@code step}). */
public record RegistrationChanged(Long registrationId, String username, String displayName, String email,
                                  String institutionCode, String institutionNameZh, String institutionNameEn,
                                  String role, String step, String actor, String reason, Instant at) {
}
