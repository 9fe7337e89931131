package cn.yunying.registration.application;

/** What the registration page or {@code POST /api/public/registrations} sends; checked by the service. */
public record RegistrationForm(String username, String displayName, String email, String phone, char[] password,
                               Long institutionId, String department, String hisAccountId, String role) {
}
