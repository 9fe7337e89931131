package cn.yunying.archive.application.events;

import java.time.Instant;

/**
 * Patient data was stored, queried or retrieved ({@code action}: ARCHIVE_STORE, ARCHIVE_QUERY, ARCHIVE_RETRIEVE).
 * {@code actorType} is USER or DICOM_AE; {@code subject} is the study UID, or the query for a query.
 */
public record PatientDataAccessed(Instant at, String actor, String actorType, String action, String subjectType,
                                  String subject, String patientId, String sourceAddress, String detail) {
}
