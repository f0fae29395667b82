package fr.id77.shared.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Old files no row refers to are deleted, with abandoned partial uploads; files a module claims, and young files
 * (their transaction may still run), stay. Both layouts of the files directory are swept (logos and request files).
 */
@SpringBootTest
class OrphanFilePurgeTests {

    private static final Instant TWO_DAYS_AGO = Instant.now().minus(Duration.ofDays(2));

    @Autowired
    FileStorage storage;

    @Autowired
    OrphanFilePurge purge;

    @Autowired
    JdbcClient jdbc;

    @Value("${id77.data-dir}")
    Path dataDir;

    private static Path write(Path file, Instant modified) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "contenu");
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    @Test
    void theSweepKeepsWhatIsClaimedOrYoung(@TempDir Path dir) throws IOException {
        FilesystemStorage store = new FilesystemStorage(dir);
        Path files = dir.resolve("files");
        String claimed = UUID.randomUUID().toString();
        String orphan = UUID.randomUUID().toString();
        String young = UUID.randomUUID().toString();
        String requestOrphan = UUID.randomUUID().toString();
        Path claimedFile = write(files.resolve(claimed.substring(0, 2)).resolve(claimed), TWO_DAYS_AGO);
        Path orphanFile = write(files.resolve(orphan.substring(0, 2)).resolve(orphan), TWO_DAYS_AGO);
        Path youngFile = write(files.resolve(young.substring(0, 2)).resolve(young), Instant.now());
        Path requestFile = write(
                files.resolve("requests").resolve(requestOrphan.substring(0, 2)).resolve(requestOrphan), TWO_DAYS_AGO);
        Path partial =
                write(files.resolve("requests").resolve("ab").resolve(UUID.randomUUID() + "123.part"), TWO_DAYS_AGO);
        Path foreign = write(files.resolve("LISEZMOI.txt"), TWO_DAYS_AGO);

        int deleted = store.deleteUnreferenced(
                Instant.now().minus(Duration.ofDays(1)), keys -> keys.contains(claimed) ? Set.of(claimed) : Set.of());

        assertThat(deleted).isEqualTo(3);
        assertThat(orphanFile).as("ancien, réclamé par personne").doesNotExist();
        assertThat(requestFile).as("ancien fichier de demande orphelin").doesNotExist();
        assertThat(partial).as("envoi abandonné").doesNotExist();
        assertThat(claimedFile).as("réclamé par un module").exists();
        assertThat(youngFile).as("récent : sa transaction peut encore tourner").exists();
        assertThat(foreign).as("pas un fichier de l'application").exists();
    }

    @Test
    void theJobAsksEveryModuleWhichFilesItKeeps() throws IOException {
        String logo = storage.store(new ByteArrayInputStream("logo".getBytes(StandardCharsets.UTF_8)), 100)
                .key();
        String orphan = storage.store(new ByteArrayInputStream("orphelin".getBytes(StandardCharsets.UTF_8)), 100)
                .key();
        long collectivity = jdbc.sql("""
                        INSERT INTO collectivity (name, category, siret, population, canton, representative_title,
                            representative_civility, representative_first_name, representative_last_name, referent_civility,
                            referent_first_name, referent_last_name, logo_key, logo_content_type, status)
                        VALUES ('Commune de Purge', 'COMMUNE', '21770288500013', 100, 'Meaux', 'MAIRE', 'MME', 'A', 'B', 'M', 'C', 'D',
                                :logo, 'image/png', 'REFUSED') RETURNING id""").param("logo", logo).query(Long.class).single();
        try {
            Path files = dataDir.resolve("files");
            for (String key : new String[] {logo, orphan}) {
                Files.setLastModifiedTime(files.resolve(key.substring(0, 2)).resolve(key), FileTime.from(TWO_DAYS_AGO));
            }

            assertThat(purge.purge()).isGreaterThanOrEqualTo(1);

            assertThat(files.resolve(orphan.substring(0, 2)).resolve(orphan)).doesNotExist();
            assertThat(files.resolve(logo.substring(0, 2)).resolve(logo))
                    .as("logo d'une collectivité")
                    .exists();
        } finally {
            jdbc.sql("DELETE FROM collectivity WHERE id = ?")
                    .param(collectivity)
                    .update();
            storage.delete(logo);
        }
    }
}
