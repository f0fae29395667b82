package fr.id77.shared.files;

import fr.id77.shared.jobs.Purges;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes stored files that no row refers to, once older than {@code id77.purge.orphan-files.after} (1 day). Files are
 * already removed with the transaction that drops or replaces them ({@link FileCleanup}); this sweep catches what that
 * cannot: an instance that died between writing a file and committing its row, a deletion that failed, an upload cut
 * off half way. A file is claimed by any module's {@link FileReferences}; without any, nothing is deleted.
 */
@Component
class OrphanFilePurge {

    static final long LOCK_KEY = 77_000_104L;
    private static final Logger log = LoggerFactory.getLogger(OrphanFilePurge.class);

    private final Purges purges;
    private final FileStorage storage;
    private final List<FileReferences> references;
    private final Duration grace;

    OrphanFilePurge(
            Purges purges,
            FileStorage storage,
            List<FileReferences> references,
            @Value("${id77.purge.orphan-files.after:1d}") Duration grace) {
        this.purges = purges;
        this.storage = storage;
        this.references = List.copyOf(references);
        this.grace = grace;
    }

    @Scheduled(cron = "${id77.purge.orphan-files.cron:0 30 3 * * *}", zone = "Europe/Paris")
    public int purge() {
        if (references.isEmpty()) {
            log.warn("Purge des fichiers orphelins sautée : aucun module ne déclare ses fichiers (FileReferences)");
            return 0;
        }
        return purges.run("orphan-files", LOCK_KEY, grace, before -> {
            try {
                return storage.deleteUnreferenced(before, this::referencedAmong);
            } catch (UnsupportedOperationException e) {
                log.warn("Purge des fichiers orphelins sautée : {}", e.getMessage());
                return 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private Set<String> referencedAmong(Collection<String> keys) {
        Set<String> claimed = new HashSet<>();
        for (FileReferences module : references) {
            claimed.addAll(module.referencedAmong(keys));
        }
        return claimed;
    }
}
