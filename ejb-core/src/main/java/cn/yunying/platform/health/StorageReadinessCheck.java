package cn.yunying.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the online storage folder accepts a file: a folder that exists but is read-only or full is not
 * ready. Reports free space so that operators see a filling disk before it is full.
 */
@Readiness
@ApplicationScoped
public class StorageReadinessCheck implements HealthCheck {

    @Inject
    @ConfigProperty(name = StorageLocation.KEY)
    Optional<String> configuredRoot;

    @Override
    public HealthCheckResponse call() {
        Path root = StorageLocation.resolve(configuredRoot);
        try {
            Files.createDirectories(root);
            Files.delete(Files.createTempFile(root, ".health", ".tmp"));
            return HealthCheckResponse.named("storage").up().withData("path", root.toString())
                    .withData("usableBytes", Files.getFileStore(root).getUsableSpace()).build();
        } catch (IOException | SecurityException e) {
            return HealthCheckResponse.named("storage").down().withData("path", root.toString())
                    .withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
