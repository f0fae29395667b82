package fr.id77.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Two requests of one session read it before either saves, and both add the same attribute (what eight parallel first
 * requests after signing in did with the CSRF token: the later ones failed on the attributes' primary key with a 500
 * page). The later save now overwrites the attribute instead of failing.
 */
@SpringBootTest
class ConcurrentSessionWritesTests {

    @Autowired
    JdbcIndexedSessionRepository sessions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoRequestsAddingTheSameAttributeToOneSessionBothSucceed() {
        twoRequestsAddTheSameAttribute(sessions);
    }

    @Test
    void eachRequestsTouchOfItsSessionIsSavedWithoutChangingTheCommitModeOfOtherTransactions() {
        touchTheSession(sessions);
        assertThat(jdbc.sql("SELECT current_setting('synchronous_commit') = reset_val FROM pg_settings"
                                + " WHERE name = 'synchronous_commit'")
                        .query(Boolean.class)
                        .single())
                .as("the server's own setting, outside the session's transaction")
                .isTrue();
    }

    private static <S extends Session> void touchTheSession(SessionRepository<S> sessions) {
        S created = sessions.createSession();
        sessions.save(created);
        S touched = sessions.findById(created.getId());
        Instant later =
                touched.getLastAccessedTime().plus(Duration.ofMinutes(7)).truncatedTo(ChronoUnit.MILLIS);
        touched.setLastAccessedTime(later);
        sessions.save(touched);

        assertThat(sessions.findById(created.getId()).getLastAccessedTime()).isEqualTo(later);
        sessions.deleteById(created.getId());
    }

    private static <S extends Session> void twoRequestsAddTheSameAttribute(SessionRepository<S> sessions) {
        S created = sessions.createSession();
        sessions.save(created);
        S first = sessions.findById(created.getId());
        S second = sessions.findById(created.getId());

        first.setAttribute("jeton", "premier");
        sessions.save(first);
        second.setAttribute("jeton", "second");
        sessions.save(second);

        assertThat(sessions.findById(created.getId()).<String>getAttribute("jeton"))
                .isEqualTo("second");
        sessions.deleteById(created.getId());
    }
}
