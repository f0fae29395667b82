package fr.id77.shared.mail;

import static org.assertj.core.api.Assertions.assertThat;

import fr.id77.shared.jobs.ClusterLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sent mails (and replaced ones) go after 30 days, bodies included; younger ones, failed ones (admins resend them) and
 * waiting ones stay, however old; the purge runs on one instance at a time.
 */
@SpringBootTest
class SentMailPurgeTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SentMailPurge purge;

    @Autowired
    ClusterLock lock;

    private long mail(String status, int sentDaysAgo, int createdDaysAgo) {
        return jdbc.sql("""
                        INSERT INTO mail_outbox (recipient, subject, html_body, text_body, status, created_at, sent_at, next_attempt_at)
                        VALUES ('purge@example.org', 'Purge', '<p>corps</p>', 'corps', :status,
                                now() - make_interval(days => :created),
                                CASE WHEN :sent < 0 THEN NULL ELSE now() - make_interval(days => :sent) END,
                                now() + interval '1 day')
                        RETURNING id""")
                .param("status", status)
                .param("sent", sentDaysAgo)
                .param("created", createdDaysAgo)
                .query(Long.class)
                .single();
    }

    private boolean exists(long id) {
        return jdbc.sql("SELECT count(*) FROM mail_outbox WHERE id = ?")
                        .param(id)
                        .query(Long.class)
                        .single()
                == 1;
    }

    @AfterEach
    void cleanUp() {
        jdbc.sql("DELETE FROM mail_outbox WHERE recipient = 'purge@example.org'")
                .update();
    }

    @Test
    void sentMailsOlderThanThirtyDaysGoAndNothingElse() {
        long oldSent = mail("SENT", 31, 32);
        long oldReplaced = mail("REPLACED", -1, 40);
        long recentSent = mail("SENT", 29, 45);
        long oldFailed = mail("FAILED", -1, 90);
        long oldWaiting = mail("PENDING", -1, 90);

        assertThat(purge.purge()).isGreaterThanOrEqualTo(2);

        assertThat(exists(oldSent)).as("envoyé il y a 31 jours").isFalse();
        assertThat(exists(oldReplaced))
                .as("remplacé par un lien neuf il y a 40 jours")
                .isFalse();
        assertThat(exists(recentSent))
                .as("envoyé il y a 29 jours (créé il y a 45)")
                .isTrue();
        assertThat(exists(oldFailed))
                .as("en échec : reste pour les administrateurs")
                .isTrue();
        assertThat(exists(oldWaiting)).as("pas encore envoyé").isTrue();
    }

    @Test
    void onlyOneInstanceAtATimePurges() {
        long oldSent = mail("SENT", 60, 60);
        lock.runExclusively(
                SentMailPurge.LOCK_KEY,
                () -> assertThat(purge.purge()).as("une autre instance purge").isZero());
        assertThat(exists(oldSent)).isTrue();
        assertThat(purge.purge()).isPositive();
        assertThat(exists(oldSent)).isFalse();
    }
}
