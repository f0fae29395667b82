package fr.id77.shared.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/** Sessions in PostgreSQL (Spring Session JDBC), shared by every instance. */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    /**
     * A session attribute is written with {@code INSERT … ON CONFLICT DO UPDATE}: two requests of the same session
     * that both add it (two tabs opened at once just after signing in, both storing their CSRF token) no longer make
     * the second one fail on the attributes' primary key with an error page.
     */
    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributesUpserted() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    /**
     * The update that every request makes to its session (its last access time) is committed without waiting for the
     * write-ahead log to reach the disk ({@code synchronous_commit} off for that transaction only, through
     * {@code set_config(…, true)} in the statement itself): each page no longer waits for a disk flush, and parallel
     * requests of one session no longer queue behind each other's flush on the session's row. What a crash of
     * PostgreSQL could lose is the last fraction of a second of such updates (an access time, at worst a sign-in to
     * redo), never a request, a comment or a mail, whose transactions keep the synchronous commit.
     */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionTouchesNotFlushed() {
        return sessions -> sessions.setUpdateSessionQuery("""
                UPDATE %TABLE_NAME%
                SET SESSION_ID = ?, LAST_ACCESS_TIME = ?, MAX_INACTIVE_INTERVAL = ?, EXPIRY_TIME = ?, PRINCIPAL_NAME = ?
                WHERE PRIMARY_ID = ? AND set_config('synchronous_commit', 'off', true) = 'off'
                """);
    }
}
