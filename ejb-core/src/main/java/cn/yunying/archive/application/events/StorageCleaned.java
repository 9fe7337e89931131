package cn.yunying.archive.application.events;

import java.time.Instant;

/**
 * The orphan-file cleanup removed files from the storage root that the index does not reference (left by a crash or
 * a failed ingest whose own clean-up failed) and stale temporary files. {@code actor} is the administrator who asked,
 * or {@code SYSTEM} for the timer.
 */
public record StorageCleaned(Instant at, String actor, String root, long scanned, long orphansRemoved,
                             long temporaryRemoved, String detail) {
}
