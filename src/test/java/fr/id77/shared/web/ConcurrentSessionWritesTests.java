package fr.id77.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
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

    @Test
    void twoRequestsAddingTheSameAttributeToOneSessionBothSucceed() {
        twoRequestsAddTheSameAttribute(sessions);
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
