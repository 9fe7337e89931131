package cn.yunying.identity.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Minimum password rules: at least 8 characters with letters and digits, and not the user name.
 * Returns the broken rules as message keys so that the portal can explain each one in the user's language.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;

    private PasswordPolicy() {
    }

    public static List<String> violations(String username, char[] password) {
        List<String> broken = new ArrayList<>();
        String candidate = new String(password);
        if (candidate.length() < MIN_LENGTH) {
            broken.add("password.tooShort");
        }
        if (candidate.chars().noneMatch(Character::isLetter) || candidate.chars().noneMatch(Character::isDigit)) {
            broken.add("password.needsLettersAndDigits");
        }
        if (username != null && !username.isBlank() && candidate.toLowerCase().contains(username.toLowerCase())) {
            broken.add("password.containsUsername");
        }
        return broken;
    }
}
