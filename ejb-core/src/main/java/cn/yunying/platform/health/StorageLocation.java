package cn.yunying.platform.health;

import java.nio.file.Path;
import java.util.Optional;

/** Where the online storage tier lives: {@code yunying.storage.root}, else a folder in the server's data directory. */
public final class StorageLocation {

    public static final String KEY = "yunying.storage.root";

    private StorageLocation() {
    }

    public static Path resolve(Optional<String> configured) {
        return configured.filter(s -> !s.isBlank()).map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("jboss.server.data.dir", "var"), "yunying", "storage"));
    }
}
