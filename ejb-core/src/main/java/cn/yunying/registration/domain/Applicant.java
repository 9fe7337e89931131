package cn.yunying.registration.domain;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a doctor states when registering, checked and normalised: mainland mobile number {@code 1[3-9]\d{9}},
 * an e-mail address, a name (any script), a department, an optional HIS account id and one of the doctor roles.
 * A field that does not pass is reported by name ({@link InvalidField}).
 */
public record Applicant(String username, String displayName, String email, String phone, Long institutionId,
                        String department, String hisAccountId, String role) {

    public static final Set<String> ROLES = Set.of("RADIOLOGIST", "TECHNICIAN", "CLINICIAN");
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s.]{2,}");
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    /** A field is missing or malformed; {@code field} names it. */
    public static class InvalidField extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final String field;

        public InvalidField(String field) {
            super("invalid " + field);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public static Applicant checked(String username, String displayName, String email, String phone,
                                    Long institutionId, String department, String hisAccountId, String role) {
        String name = trimmed(username, "username").toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            throw new InvalidField("username");
        }
        String mail = trimmed(email, "email").toLowerCase(Locale.ROOT);
        if (mail.length() > 254 || !EMAIL.matcher(mail).matches()) {
            throw new InvalidField("email");
        }
        String mobile = trimmed(phone, "phone").replace(" ", "").replace("-", "");
        if (mobile.startsWith("+86")) {
            mobile = mobile.substring(3);
        }
        if (!MOBILE.matcher(mobile).matches()) {
            throw new InvalidField("phone");
        }
        if (institutionId == null) {
            throw new InvalidField("institution");
        }
        String requested = trimmed(role, "role").toUpperCase(Locale.ROOT);
        if (!ROLES.contains(requested)) {
            throw new InvalidField("role");
        }
        String his = hisAccountId == null || hisAccountId.isBlank() ? null : limited(hisAccountId.strip(), 64, "hisAccountId");
        return new Applicant(name, limited(trimmed(displayName, "displayName"), 200, "displayName"), mail, mobile,
                institutionId, limited(trimmed(department, "department"), 200, "department"), his, requested);
    }

    private static String trimmed(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidField(field);
        }
        return value.strip();
    }

    private static String limited(String value, int max, String field) {
        if (value.length() > max || value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidField(field);
        }
        return value;
    }
}
