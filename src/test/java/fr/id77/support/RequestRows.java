package fr.id77.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What tests read of a request by its number, as its page would post it back. */
public final class RequestRows {

    private RequestRows() {}

    /** The request's optimistic-lock version: the one a status or contact form sends. */
    public static long version(JdbcClient jdbc, int numero) {
        return jdbc.sql("SELECT version FROM request WHERE numero = :n")
                .param("n", numero)
                .query(Long.class)
                .single();
    }
}
