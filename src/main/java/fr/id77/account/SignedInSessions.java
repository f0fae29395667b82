package fr.id77.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ends every session of an account (sessions live in PostgreSQL through Spring Session JDBC, keyed by the
 * principal's identifiant). Called in the transaction that suspends, refuses or disables the account, so a
 * person shut out is shut out at once, not when their session would have expired; and when the password changes,
 * keeping only the session of the person who changed it.
 */
@Component
class SignedInSessions {

    private final JdbcClient jdbc;

    SignedInSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void endAll(String identifiant) {
        jdbc.sql("DELETE FROM spring_session WHERE principal_name = ?")
                .param(identifiant)
                .update();
    }

    /** Ends every session of the account but {@code kept} (the session id of the person acting, may be null). */
    void endAllBut(String identifiant, String kept) {
        jdbc.sql("DELETE FROM spring_session WHERE principal_name = ? AND session_id IS DISTINCT FROM ?")
                .params(identifiant, kept)
                .update();
    }
}
