package cn.yunying.archive.application;

import java.io.Serializable;
import java.time.Instant;

/** A recorded conflict (conflicting demographics, duplicate instance) as the API shows it. */
public record ConflictView(Long id, Long institutionId, String kind, String patientId, String issuer, String studyUid,
                           String sopInstanceUid, String keptValue, String receivedValue, String resolution,
                           String source, Instant occurredAt) implements Serializable {
}
