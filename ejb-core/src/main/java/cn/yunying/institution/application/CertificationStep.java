package cn.yunying.institution.application;

import java.io.Serializable;
import java.time.Instant;

/** One step of an institution's certification history, for the portal and the API. */
public record CertificationStep(String action, String fromStatus, String toStatus, String reason, String actor,
                                Instant at) implements Serializable {
}
