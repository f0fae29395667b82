package fr.id77.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Single-use, expiring links. The person receives a random token; only its SHA-256 is stored, so a
 * copy of the database does not give working links. Using a token is one atomic UPDATE.
 */
@Component
class Tokens {

    record TokenCheck(LinkState state, Long userId, String payload) {}

    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;

    Tokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A new token for this user and purpose. Earlier unused links keep working until one of them is used (then the
     * others stop, see {@link #consume}): whoever asks for links in someone's name cannot cancel the one they are
     * about to click. A new address to confirm is the exception: only the last one asked for may be confirmed.
     */
    String issue(long userId, TokenPurpose purpose, String payload) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        if (purpose == TokenPurpose.CHANGE_EMAIL) {
            revoke(userId, List.of(purpose));
        }
        jdbc.sql("INSERT INTO account_token (user_id, purpose, token_hash, payload, expires_at) VALUES (?, ?, ?, ?, ?)")
                .params(
                        userId,
                        purpose.name(),
                        hash(token),
                        payload,
                        Timestamp.from(Instant.now().plus(purpose.validity())))
                .update();
        return token;
    }

    /** Looks at a token without using it (to show the right page). */
    TokenCheck check(String token, Collection<TokenPurpose> purposes) {
        if (token == null || token.isBlank()) {
            return new TokenCheck(LinkState.UNKNOWN, null, null);
        }
        record StoredToken(long userId, String payload, Timestamp expiresAt, Timestamp usedAt) {}
        Optional<StoredToken> row = jdbc.sql("SELECT user_id, payload, expires_at, used_at FROM account_token "
                        + "WHERE token_hash = :hash AND purpose IN (:purposes)")
                .param("hash", hash(token))
                .param("purposes", names(purposes))
                .query(StoredToken.class)
                .optional();
        if (row.isEmpty()) {
            return new TokenCheck(LinkState.UNKNOWN, null, null);
        }
        StoredToken r = row.get();
        LinkState state = LinkState.of(r.usedAt() != null, r.expiresAt().toInstant(), Instant.now());
        return new TokenCheck(state, r.userId(), r.payload());
    }

    /** Uses the token if it is still valid: returns its user and payload, at most once; its siblings stop working. */
    Optional<TokenCheck> consume(String token, Collection<TokenPurpose> purposes) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        record Used(long userId, String payload) {}
        return jdbc.sql("""
                        UPDATE account_token SET used_at = now()
                        WHERE token_hash = :hash AND purpose IN (:purposes) AND used_at IS NULL AND expires_at > now()
                        RETURNING user_id, payload""")
                .param("hash", hash(token))
                .param("purposes", names(purposes))
                .query(Used.class)
                .optional()
                .map(u -> {
                    revoke(u.userId(), purposes);
                    return new TokenCheck(LinkState.VALID, u.userId(), u.payload());
                });
    }

    /** The user's unused links for these purposes stop working. */
    private void revoke(long userId, Collection<TokenPurpose> purposes) {
        jdbc.sql(
                        "UPDATE account_token SET used_at = now() WHERE user_id = :user AND purpose IN (:purposes) AND used_at IS NULL")
                .param("user", userId)
                .param("purposes", names(purposes))
                .update();
    }

    private static List<String> names(Collection<TokenPurpose> purposes) {
        return purposes.stream().map(Enum::name).toList();
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
