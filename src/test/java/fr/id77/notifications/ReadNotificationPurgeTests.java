package fr.id77.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Read notifications go once 6 months old; younger ones and unread ones, however old, stay. */
@SpringBootTest
class ReadNotificationPurgeTests {

    /** Nobody's account: these rows cannot show up in another test's list. */
    private static final long USER = -7_700L;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReadNotificationPurge purge;

    private long notification(int createdDaysAgo, Integer readDaysAgo) {
        return jdbc.sql("""
                        INSERT INTO notification (user_id, event, title, body, link, created_at, read_at)
                        VALUES (:user, 'REQUEST_FILED', 'Purge', 'Texte', '/demandes/1', now() - make_interval(days => :created),
                                CASE WHEN :read < 0 THEN NULL ELSE now() - make_interval(days => :read) END)
                        RETURNING id""")
                .param("user", USER)
                .param("created", createdDaysAgo)
                .param("read", readDaysAgo == null ? -1 : readDaysAgo)
                .query(Long.class)
                .single();
    }

    private boolean exists(long id) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE id = ?")
                        .param(id)
                        .query(Long.class)
                        .single()
                == 1;
    }

    @AfterEach
    void cleanUp() {
        jdbc.sql("DELETE FROM notification WHERE user_id = ?").param(USER).update();
    }

    @Test
    void readNotificationsOlderThanSixMonthsGoAndNothingElse() {
        long oldRead = notification(200, 150);
        long recentRead = notification(150, 140);
        long oldUnread = notification(400, null);

        assertThat(purge.purge()).isGreaterThanOrEqualTo(1);

        assertThat(exists(oldRead)).as("lue, du 200e jour").isFalse();
        assertThat(exists(recentRead)).as("lue, du 150e jour").isTrue();
        assertThat(exists(oldUnread)).as("non lue, même ancienne").isTrue();
    }
}
