package fr.id77.membership;

import static org.assertj.core.api.Assertions.assertThat;

import fr.id77.account.CurrentUser;
import fr.id77.support.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.transaction.support.TransactionTemplate;

/** A logo replaced in a transaction that rolls back still shows the old logo, and leaves no new file behind. */
@SpringBootTest
class LogoReplacementTests {

    @Autowired
    CollectivityProfiles profiles;

    @Autowired
    Logos logos;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Value("${id77.data-dir}")
    Path dataDir;

    static MockMultipartFile png(String marker) {
        byte[] head = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        byte[] tail = marker.getBytes();
        byte[] all = new byte[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return new MockMultipartFile("logo", "logo.png", "image/png", all);
    }

    String logoKey(long collectivityId) {
        return jdbc.sql("SELECT logo_key FROM collectivity WHERE id = :id")
                .param("id", collectivityId)
                .query(String.class)
                .single();
    }

    Path file(String key) {
        return dataDir.resolve("files").resolve(key.substring(0, 2)).resolve(key);
    }

    @Test
    void theOldLogoIsDeletedOnlyOnceTheReplacementIsCommitted() throws IOException {
        Fixtures f = new Fixtures(jdbc);
        Fixtures.Collectivity commune = f.collectivity("Commune du Logo", "Melun");
        CurrentUser member = f.adherent(commune, "Léa");
        profiles.saveProfile(member, profiles.profileForm(member), png("premier"));
        String first = logoKey(commune.id());

        String rolledBack = "second " + UUID.randomUUID();
        transactions.executeWithoutResult(tx -> {
            profiles.saveProfile(member, profiles.profileForm(member), png(rolledBack));
            tx.setRollbackOnly();
        });

        assertThat(logoKey(commune.id())).isEqualTo(first);
        Collectivity owner = logos.owner(member, commune.id());
        try (InputStream in = logos.open(owner)) {
            assertThat(new String(in.readAllBytes())).endsWith("premier");
        }
        try (var files = Files.walk(dataDir.resolve("files"))) {
            assertThat(files.filter(Files::isRegularFile)
                            .filter(p -> readQuietly(p).endsWith(rolledBack)))
                    .isEmpty();
        }

        profiles.saveProfile(member, profiles.profileForm(member), png("troisième"));
        assertThat(file(first)).doesNotExist();
        assertThat(file(logoKey(commune.id()))).exists();
    }

    private static String readQuietly(Path p) {
        try {
            return new String(Files.readAllBytes(p));
        } catch (IOException e) {
            return "";
        }
    }
}
