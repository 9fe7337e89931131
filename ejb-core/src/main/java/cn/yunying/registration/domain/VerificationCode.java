package cn.yunying.registration.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Six-digit codes and their stored form {@code <salt>$<SHA-256(salt|code)>}. A code has only a million values, so the
 * hash only keeps it from being read off the database; what protects it is the attempt limit and the expiry.
 */
public final class VerificationCode {

    private static final SecureRandom RANDOM = new SecureRandom();

    private VerificationCode() {
    }

    public static String generate() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    public static String hash(String code) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        String saltText = Base64.getEncoder().withoutPadding().encodeToString(salt);
        return saltText + '$' + digest(saltText, code);
    }

    /** Constant-time comparison of a candidate with a stored hash. */
    public static boolean matches(String candidate, String stored) {
        int dollar = stored == null ? -1 : stored.indexOf('$');
        if (candidate == null || dollar < 0) {
            return false;
        }
        String expected = stored.substring(dollar + 1);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                digest(stored.substring(0, dollar), candidate.strip()).getBytes(StandardCharsets.US_ASCII));
    }

    private static String digest(String salt, String code) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((salt + '|' + code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java SE runtime", e);
        }
    }
}
