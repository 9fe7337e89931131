package cn.yunying.institution.application.events;

import java.time.Instant;

/** An institution's departments or feature settings were set (at application) or changed (by its administrator). */
public record InstitutionSettingsChanged(Instant at, String actor, String institutionCode, String detail) {
}
