package fr.id77.account;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins, kept in PostgreSQL so that every application instance sees them: an account (or an
 * address) with too many recent failures is locked for a while, whatever the password typed.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final int maxPerAccount;
    private final int maxPerIp;
    private final Duration window;

    LoginThrottle(JdbcClient jdbc,
                  @Value("${id77.login.max-failures-per-account:5}") int maxPerAccount,
                  @Value("${id77.login.max-failures-per-ip:20}") int maxPerIp,
                  @Value("${id77.login.lock-window:PT15M}") Duration window) {
        this.jdbc = jdbc;
        this.maxPerAccount = maxPerAccount;
        this.maxPerIp = maxPerIp;
        this.window = window;
    }

    boolean isLocked(String accountKey, String ip) {
        return count("account_key", accountKey) >= maxPerAccount || count("ip", ip) >= maxPerIp;
    }

    private long count(String column, String value) {
        return jdbc.sql("SELECT count(*) FROM login_attempt WHERE " + column + " = ? AND attempted_at > now() - ? * interval '1 second'")
                .params(value, window.toSeconds())
                .query(Long.class).single();
    }

    void recordFailure(String accountKey, String ip) {
        jdbc.sql("INSERT INTO login_attempt (account_key, ip) VALUES (?, ?)").params(accountKey, ip).update();
    }

    void recordSuccess(String accountKey) {
        jdbc.sql("DELETE FROM login_attempt WHERE account_key = ?").param(accountKey).update();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purge() {
        jdbc.sql("DELETE FROM login_attempt WHERE attempted_at < now() - interval '1 day'").update();
    }
}
