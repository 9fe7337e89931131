package cn.yunying.institution.application.events;

import java.time.Instant;

/** A platform administrator moved an institution's certification; statuses and action by name. */
public record InstitutionCertificationChanged(Long institutionId, String institutionCode, String action,
                                              String fromStatus, String toStatus, String reason, String actor,
                                              Instant at) {
}
