package fr.id77.account;

import fr.id77.shared.jobs.ClusterLock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sign-in attempts, counted in PostgreSQL so that every application instance sees them.
 * <ul>
 * <li>An attempt is counted <em>before</em> its password is checked, in one atomic statement that refuses it once
 * the key has used its allowance: however many guesses arrive at once, at most the limit are checked.</li>
 * <li>Reaching the limit locks the key for the window; attempts made while it is locked are not counted, so the
 * lock ends on time whatever an attacker keeps trying. A successful sign-in (or a password reset by link) clears
 * the account's count.</li>
 * <li>Per account: {@code max-failures-per-account} per window. Per client address: {@code max-failures-per-ip}
 * per window, but only for accounts that have never signed in from that address (see
 * {@link ThrottledAuthenticationProvider}): an attacker trying many accounts from one address is stopped, the
 * colleagues who work behind that same address (a town hall, the Département's offices) are not.</li>
 * </ul>
 */
@Component
class LoginThrottle {

    private static final long PURGE_LOCK_KEY = 77_000_010L;

    private final JdbcClient jdbc;
    private final ClusterLock lock;
    private final int maxPerAccount;
    private final int maxPerIp;
    private final Duration window;

    LoginThrottle(
            JdbcClient jdbc,
            ClusterLock lock,
            @Value("${id77.login.max-failures-per-account:5}") int maxPerAccount,
            @Value("${id77.login.max-failures-per-ip:20}") int maxPerIp,
            @Value("${id77.login.lock-window:PT15M}") Duration window) {
        this.jdbc = jdbc;
        this.lock = lock;
        this.maxPerAccount = maxPerAccount;
        this.maxPerIp = maxPerIp;
        this.window = window;
    }

    /** Counts an attempt on this account; false (and nothing counted) while the account is locked. */
    boolean tryAccount(String accountKey) {
        return tryCount(accountKey(accountKey), maxPerAccount);
    }

    /** Counts an attempt from this client address; false (and nothing counted) while the address is locked. */
    boolean tryClient(String client) {
        return tryCount("client:" + client, maxPerIp);
    }

    /** The attempt counted on this address was a success: only failures count against an address. */
    void refundClient(String client) {
        jdbc.sql(
                        "UPDATE login_throttle SET failures = failures - 1, locked_until = NULL WHERE throttle_key = ? AND failures > 0")
                .param("client:" + client)
                .update();
    }

    /**
     * One statement: a new window starts when the last one is over; otherwise the count goes up by one, and the
     * attempt that reaches the limit locks the key until a window from now. No row is returned (the attempt is
     * refused and not counted) while the key is locked.
     */
    private boolean tryCount(String key, int max) {
        return jdbc.sql("""
                        INSERT INTO login_throttle AS t (throttle_key, failures, window_start, locked_until)
                        VALUES (:key, 1, now(), CASE WHEN 1 >= :max THEN now() + :seconds * interval '1 second' END)
                        ON CONFLICT (throttle_key) DO UPDATE SET
                            failures = CASE WHEN t.window_start <= now() - :seconds * interval '1 second' THEN 1 ELSE t.failures + 1 END,
                            window_start = CASE WHEN t.window_start <= now() - :seconds * interval '1 second' THEN now() ELSE t.window_start END,
                            locked_until = CASE WHEN t.window_start > now() - :seconds * interval '1 second' AND t.failures + 1 >= :max
                                                THEN now() + :seconds * interval '1 second' END
                        WHERE t.locked_until IS NULL OR t.locked_until <= now()
                        RETURNING failures""")
                .param("key", key)
                .param("max", max)
                .param("seconds", window.toSeconds())
                .query(Integer.class)
                .optional()
                .isPresent();
    }

    /** The account signed in: its count starts again, and this address is now one it is known to use. */
    void recordSuccess(String accountKey, String client) {
        clear(accountKey);
        jdbc.sql("""
                        INSERT INTO login_known_client (account_key, client) VALUES (?, ?)
                        ON CONFLICT (account_key, client) DO UPDATE SET last_success_at = now()""").params(accountKey, client).update();
    }

    /** Whether this account has signed in successfully from this client address (in the last 90 days). */
    boolean knownClient(String accountKey, String client) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM login_known_client WHERE account_key = ? AND client = ?)")
                .params(accountKey, client)
                .query(Boolean.class)
                .single();
    }

    /** Ends the account's lock and count (a successful sign-in, a password chosen through a link). */
    void clear(String accountKey) {
        jdbc.sql("DELETE FROM login_throttle WHERE throttle_key = ?")
                .param(accountKey(accountKey))
                .update();
    }

    private static String accountKey(String accountKey) {
        return "account:" + accountKey;
    }

    /** Forgets old counts and known clients; one instance at a time, as every scheduled job ({@link ClusterLock}). */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purge() {
        lock.runExclusively(PURGE_LOCK_KEY, () -> {
            jdbc.sql("DELETE FROM login_throttle WHERE window_start < now() - interval '1 day' "
                            + "AND (locked_until IS NULL OR locked_until < now())")
                    .update();
            jdbc.sql("DELETE FROM login_known_client WHERE last_success_at < now() - interval '90 days'")
                    .update();
        });
    }
}
