package cn.yunying.institution.application.events;

import java.time.Instant;

/** A DICOM node was registered to an institution or removed from it ({@code step}: REGISTERED, REMOVED). */
public record AeRegistryChanged(String institutionCode, String aeTitle, String step, String detail, String actor,
                                Instant at) {
}
