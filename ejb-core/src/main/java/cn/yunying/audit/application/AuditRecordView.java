package cn.yunying.audit.application;

import java.io.Serializable;
import java.time.Instant;

/** One audit record as auditors see it. */
public record AuditRecordView(long chainIndex, Instant occurredAt, String actor, String actorType, String action,
                              String outcome, String subjectType, String subjectId, String patientId,
                              String sourceAddress, String detail) implements Serializable {
}
