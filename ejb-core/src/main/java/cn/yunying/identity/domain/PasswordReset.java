package cn.yunying.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A password-reset link: the token (256 random bits) is only ever mailed; the table keeps its SHA-256. Valid for
 * {@link #VALIDITY}, usable once.
 */
@Entity
@Table(name = "password_reset")
@NamedQuery(name = PasswordReset.BY_TOKEN_HASH, query = "SELECT p FROM PasswordReset p WHERE p.tokenHash = :tokenHash")
public class PasswordReset {

    public static final String BY_TOKEN_HASH = "PasswordReset.byTokenHash";
    public static final Duration VALIDITY = Duration.ofMinutes(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @SequenceGenerator(name = "password_reset_seq", sequenceName = "password_reset_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "password_reset_seq")
    private Long id;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PasswordReset() {
        // for JPA
    }

    public PasswordReset(Long userId, String token, Instant now) {
        this.userId = Objects.requireNonNull(userId, "userId");
        this.tokenHash = hashOf(token);
        this.createdAt = now;
        this.expiresAt = now.plus(VALIDITY);
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hashOf(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(token).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java SE runtime", e);
        }
    }

    public boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    /** Marks the link used; returns false (and changes nothing) if it was used or has expired. */
    public boolean use(Instant now) {
        if (!usableAt(now)) {
            return false;
        }
        usedAt = now;
        return true;
    }

    public Long getUserId() {
        return userId;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getUsedAt() {
        return usedAt;
    }
}
