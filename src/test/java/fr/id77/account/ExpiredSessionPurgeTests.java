package fr.id77.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Expired sessions are deleted by one instance at a time: Spring Session's own per-instance scheduler is off, ours runs
 * under the cluster lock (nothing happens while another instance holds it) and deletes the expired sessions only.
 */
@SpringBootTest
class ExpiredSessionPurgeTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    ExpiredSessionPurge purge;

    @Autowired
    JdbcIndexedSessionRepository sessions;

    private final String expired = UUID.randomUUID().toString();
    private final String live = UUID.randomUUID().toString();

    @AfterEach
    void cleanUp() {
        jdbc.sql("DELETE FROM spring_session WHERE principal_name = 'purge-sessions'")
                .update();
    }

    @Test
    void springSessionSchedulesNoCleanupOfItsOwnInEachInstance() {
        assertThat(ReflectionTestUtils.getField(sessions, "taskScheduler"))
                .as("JdbcIndexedSessionRepository's own cleanup scheduler (spring.session.jdbc.cleanup-cron=-)")
                .isNull();
    }

    @Test
    void expiredSessionsGoLiveOnesStay() {
        insert(expired, -60_000);
        insert(live, 3_600_000);

        purge.purge();

        assertThat(exists(expired)).isFalse();
        assertThat(exists(live)).isTrue();
    }

    @Test
    void nothingHappensWhileAnotherInstanceHoldsTheLock() throws Exception {
        insert(expired, -60_000);
        try (Connection other = dataSource.getConnection();
                PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, ExpiredSessionPurge.LOCK_KEY);
            lock.execute();

            purge.purge();

            assertThat(exists(expired)).isTrue();
            try (PreparedStatement unlock = other.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, ExpiredSessionPurge.LOCK_KEY);
                unlock.execute();
            }
        }
        purge.purge();
        assertThat(exists(expired)).isFalse();
    }

    private void insert(String id, long expiresInMillis) {
        long now = System.currentTimeMillis();
        jdbc.sql("""
                        INSERT INTO spring_session (primary_id, session_id, creation_time, last_access_time,
                                                    max_inactive_interval, expiry_time, principal_name)
                        VALUES (:id, :id, :created, :created, 1800, :expiry, 'purge-sessions')""")
                .param("id", id)
                .param("created", now - 7_200_000)
                .param("expiry", now + expiresInMillis)
                .update();
    }

    private boolean exists(String id) {
        return jdbc.sql("SELECT count(*) FROM spring_session WHERE primary_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single()
                == 1;
    }
}
