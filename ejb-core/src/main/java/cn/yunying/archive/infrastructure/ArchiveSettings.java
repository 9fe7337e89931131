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
    PlatformSettings platform;

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
