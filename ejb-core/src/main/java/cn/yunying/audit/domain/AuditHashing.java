package cn.yunying.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The chain rule: {@code hash(n) = SHA-256(hash(n-1) | index | occurredAt | actor | … | detail)}, fields separated by
 * the ASCII unit separator and absent values written as a record separator, so that no two different records can
 * produce the same input. Timestamps are cut to milliseconds, the precision every supported database keeps.
 */
public final class AuditHashing {

    public static final String GENESIS = "0".repeat(64);
    private static final char FIELD = '\u001F';
    private static final String ABSENT = "\u001E";

    private AuditHashing() {
    }

    public static String hash(String previousHash, long chainIndex, AuditEntry entry) {
        StringBuilder canonical = new StringBuilder(256).append(previousHash).append(FIELD).append(chainIndex);
        for (Object field : new Object[] {entry.occurredAt().truncatedTo(ChronoUnit.MILLIS), entry.actor(),
                entry.actorType(), entry.action(), entry.outcome(), entry.subjectType(), entry.subjectId(),
                entry.patientId(), entry.sourceAddress(), entry.detail()}) {
            canonical.append(FIELD).append(field == null ? ABSENT : field.toString());
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java SE runtime", e);
        }
    }
}
