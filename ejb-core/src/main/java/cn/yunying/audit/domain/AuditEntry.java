package cn.yunying.audit.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What happened, before it is chained: who (a user, a DICOM AE or the system), did what, to which subject (and which
 * patient, when patient data is involved), from where, with what outcome.
 */
public record AuditEntry(Instant occurredAt, String actor, ActorType actorType, String action, Outcome outcome,
                         String subjectType, String subjectId, String patientId, String sourceAddress, String detail) {

    public enum ActorType { USER, DICOM_AE, SYSTEM }

    public enum Outcome { SUCCESS, FAILURE, DENIED }

    static final int MAX_DETAIL = 2000;

    public AuditEntry {
        Objects.requireNonNull(occurredAt, "occurredAt");
        actor = requireText(actor, "actor", 64);
        Objects.requireNonNull(actorType, "actorType");
        action = requireText(action, "action", 48);
        Objects.requireNonNull(outcome, "outcome");
        subjectType = clip(subjectType, 32);
        subjectId = clip(subjectId, 128);
        patientId = clip(patientId, 64);
        sourceAddress = clip(sourceAddress, 64);
        detail = clip(detail, MAX_DETAIL);
    }

    private static String requireText(String value, String name, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return clip(value, max);
    }

    /** Over-long values are cut, never rejected: an audit record must not make the audited action fail. */
    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
