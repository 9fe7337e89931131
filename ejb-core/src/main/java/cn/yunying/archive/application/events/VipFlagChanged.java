package cn.yunying.archive.application.events;

import java.time.Instant;

/**
 * A study, or the patient of a study ({@code subjectType} STUDY or PATIENT), was VIP-flagged ({@code vip}) or
 * unflagged. {@code subject} is the study UID or the patient id.
 */
public record VipFlagChanged(Instant at, String actor, String subjectType, String subject, String patientId,
                             Long institutionId, boolean vip) {
}
