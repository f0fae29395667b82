package fr.id77.shared.files;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The file storage's part of the instance's health ({@code storage} in {@code /actuator/health/readiness}): an
 * instance that cannot write files must not receive traffic, since uploads and logos would fail on it.
 */
@Component("storageHealthIndicator")
class StorageHealthIndicator extends AbstractHealthIndicator {

    private final FileStorage storage;

    StorageHealthIndicator(FileStorage storage) {
        super("Stockage des fichiers indisponible");
        this.storage = storage;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        storage.checkAvailable();
        builder.up();
        if (storage instanceof FilesystemStorage filesystem) {
            builder.withDetail("usableBytes", filesystem.usableSpace());
        }
    }
}
