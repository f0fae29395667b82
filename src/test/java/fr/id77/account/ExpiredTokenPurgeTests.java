package fr.id77.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Single-use links expired or used more than 30 days ago go; links still valid, or only recently dead, stay. */
@SpringBootTest
class ExpiredTokenPurgeTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ExpiredTokenPurge purge;

    long user;

    @BeforeEach
    void aDisabledAccountNobodySees() {
        user = jdbc.sql("""
                        INSERT INTO app_user (identifiant, email, first_name, last_name, role, status)
                        VALUES ('purge-liens', 'purge-liens@example.org', 'Purge', 'Liens', 'ADHERENT', 'DISABLED') RETURNING id""").query(Long.class).single();
    }

    @AfterEach
    void cleanUp() {
        jdbc.sql("DELETE FROM account_token WHERE user_id = ?").param(user).update();
        jdbc.sql("DELETE FROM app_user WHERE id = ?").param(user).update();
    }

    private long token(String name, int expiresInDays, Integer usedDaysAgo) {
        return jdbc.sql("""
                        INSERT INTO account_token (user_id, purpose, token_hash, created_at, expires_at, used_at)
                        VALUES (:user, 'RESET_PASSWORD', :hash, now() - interval '100 days', now() + make_interval(days => :expires),
                                CASE WHEN :used < 0 THEN NULL ELSE now() - make_interval(days => :used) END)
                        RETURNING id""")
                .param("user", user)
                .param("hash", Tokens.hash(name + user))
                .param("expires", expiresInDays)
                .param("used", usedDaysAgo == null ? -1 : usedDaysAgo)
                .query(Long.class)
                .single();
    }

    private boolean exists(long id) {
        return jdbc.sql("SELECT count(*) FROM account_token WHERE id = ?")
                        .param(id)
                        .query(Long.class)
                        .single()
                == 1;
    }

    @Test
    void linksDeadForMoreThanThirtyDaysGoAndNothingElse() {
        long expiredLongAgo = token("a", -31, null);
        long usedLongAgo = token("b", 5, 40);
        long expiredRecently = token("c", -29, null);
        long usedRecently = token("d", 2, 10);
        long valid = token("e", 3, null);

        assertThat(purge.purge()).isGreaterThanOrEqualTo(2);

        assertThat(exists(expiredLongAgo)).as("expiré il y a 31 jours").isFalse();
        assertThat(exists(usedLongAgo)).as("utilisé il y a 40 jours").isFalse();
        assertThat(exists(expiredRecently))
                .as("expiré il y a 29 jours : « lien expiré » encore")
                .isTrue();
        assertThat(exists(usedRecently))
                .as("utilisé il y a 10 jours : « lien déjà utilisé » encore")
                .isTrue();
        assertThat(exists(valid)).as("encore valable").isTrue();
    }
}
