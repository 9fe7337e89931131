package cn.yunying.archive.infrastructure;

import cn.yunying.archive.domain.DuplicatePolicy;
import cn.yunying.platform.settings.PlatformSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Settings of the archive context (docs/configuration.md); the storage root is the platform's. */
@ApplicationScoped
public class ArchiveSettings {

    public static final String DUPLICATE_POLICY = "yunying.archive.duplicate-policy";

    @Inject
    @ConfigProperty(name = DUPLICATE_POLICY, defaultValue = "reject")
    String duplicatePolicy;

    @Inject
    @ConfigProperty(name = "yunying.archive.orphan-cleanup.interval-minutes", defaultValue = "60")
    long cleanupIntervalMinutes;

    @Inject
    @ConfigProperty(name = "yunying.archive.orphan-cleanup.min-age-minutes", defaultValue = "60")
    long cleanupMinAgeMinutes;

    @Inject
    PlatformSettings platform;

    /** How often the orphan-file cleanup runs; zero or less: never by itself (the admin trigger still works). */
    public java.time.Duration cleanupInterval() {
        return java.time.Duration.ofMinutes(cleanupIntervalMinutes);
    }

    /** Files younger than this are left alone by the timer (an ingest may still be placing them). */
    public java.time.Duration cleanupMinimumAge() {
        return java.time.Duration.ofMinutes(Math.max(0, cleanupMinAgeMinutes));
    }

    private volatile FileStorage storage;

    public DuplicatePolicy duplicatePolicy() {
        return DuplicatePolicy.parse(duplicatePolicy);
    }

    public FileStorage storage() {
        FileStorage current = storage;
        if (current == null) {
            current = new FileStorage(platform.storageRoot());
            storage = current;
        }
        return current;
    }
}
