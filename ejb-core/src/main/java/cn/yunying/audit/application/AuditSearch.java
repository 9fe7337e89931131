package cn.yunying.audit.application;

import java.time.Instant;

/** Search criteria; null means "any". At most {@link #MAX_LIMIT} records are returned, newest first. */
public record AuditSearch(String actor, String action, String patientId, Instant from, Instant to, int limit) {

    public static final int MAX_LIMIT = 1000;

    public AuditSearch {
        actor = blankToNull(actor);
        action = blankToNull(action);
        patientId = blankToNull(patientId);
        limit = limit <= 0 ? 100 : Math.min(limit, MAX_LIMIT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
