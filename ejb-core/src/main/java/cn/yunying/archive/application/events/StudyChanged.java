package cn.yunying.archive.application.events;

/**
 * Something in a study's content changed (an instance stored, replaced or removed, or its patient's data): answers
 * derived from the study (WADO-RS metadata, QIDO-RS results within the study) are stale once the change commits.
 */
public record StudyChanged(String studyUid) {
}
