package fr.id77.requests;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One-time tokens of the « new request » and « comment » forms: the row a token created keeps it (unique per
 * person, enforced by PostgreSQL), so the same form posted again finds what it already created instead of
 * creating it twice. A missing or malformed token only turns this protection off for that post.
 */
@Component
class FormTokens {

    /** The hidden field of the protected forms. */
    static final String FIELD = "envoi";

    private final JdbcClient jdbc;

    FormTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static UUID parse(String raw) {
        try {
            return raw == null || raw.isBlank() ? null : UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String fresh() {
        return UUID.randomUUID().toString();
    }

    Optional<Integer> requestFiledWith(long accountId, UUID token) {
        return token == null
                ? Optional.empty()
                : jdbc.sql("SELECT numero FROM request WHERE created_by = :a AND form_token = :t")
                        .param("a", accountId)
                        .param("t", token)
                        .query(Integer.class)
                        .optional();
    }

    Optional<Long> commentPostedWith(long accountId, UUID token) {
        return token == null
                ? Optional.empty()
                : jdbc.sql("SELECT id FROM request_comment WHERE author_id = :a AND form_token = :t")
                        .param("a", accountId)
                        .param("t", token)
                        .query(Long.class)
                        .optional();
    }

    /** Keeps the token on the new request; a concurrent twin makes this fail on the unique index (rolled back). */
    void claimRequest(long requestId, UUID token) {
        if (token != null) {
            jdbc.sql("UPDATE request SET form_token = :t WHERE id = :id")
                    .param("t", token)
                    .param("id", requestId)
                    .update();
        }
    }

    void claimComment(long commentId, UUID token) {
        if (token != null) {
            jdbc.sql("UPDATE request_comment SET form_token = :t WHERE id = :id")
                    .param("t", token)
                    .param("id", commentId)
                    .update();
        }
    }
}
