package cn.yunying.platform.settings;

import cn.yunying.platform.health.StorageLocation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Settings of the platform as a whole. MicroProfile Config reads each key from a system property
 * ({@code -Dyunying.mode=demo}) or from the environment ({@code YUNYING_MODE=demo}).
 */
@ApplicationScoped
public class PlatformSettings {

    public enum Mode { DEMO, PRODUCTION }

    @Inject
    @ConfigProperty(name = "yunying.mode", defaultValue = "production")
    String mode;

    @Inject
    @ConfigProperty(name = StorageLocation.KEY)
    Optional<String> storageRoot;

    @Inject
    @ConfigProperty(name = "yunying.admin.password")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "yunying.hub.name-zh", defaultValue = "区域影像中心")
    String hubNameZh;

    @Inject
    @ConfigProperty(name = "yunying.hub.name-en", defaultValue = "Regional Imaging Center")
    String hubNameEn;

    public Mode mode() {
        return switch (mode.strip().toLowerCase()) {
            case "demo" -> Mode.DEMO;
            case "production" -> Mode.PRODUCTION;
            default -> throw new IllegalStateException(
                    "yunying.mode (YUNYING_MODE) must be 'demo' or 'production', not '" + mode + "'");
        };
    }

    /** Root of the online storage tier; defaults to a folder in the server's data directory. */
    public Path storageRoot() {
        return StorageLocation.resolve(storageRoot);
    }

    public Optional<char[]> adminPassword() {
        return adminPassword.filter(s -> !s.isBlank()).map(String::toCharArray);
    }

    public String hubNameZh() {
        return hubNameZh;
    }

    public String hubNameEn() {
        return hubNameEn;
    }
}
