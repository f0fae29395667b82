package fr.id77.account;

import fr.id77.shared.jobs.Purges;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes single-use links ({@link Tokens}) expired or used for more than {@code id77.purge.expired-tokens.after}
 * (30 days). Until then a late click still gets the page « lien expiré » or « lien déjà utilisé » rather than « lien
 * inconnu ». The one-time tokens of forms need no purge: they are a column of the request or comment they created.
 */
@Component
class ExpiredTokenPurge {

    static final long LOCK_KEY = 77_000_103L;

    private final Purges purges;
    private final Duration retention;

    ExpiredTokenPurge(Purges purges, @Value("${id77.purge.expired-tokens.after:30d}") Duration retention) {
        this.purges = purges;
        this.retention = retention;
    }

    @Scheduled(cron = "${id77.purge.expired-tokens.cron:0 40 3 * * *}", zone = "Europe/Paris")
    public int purge() {
        return purges.deleteRows(
                "expired-tokens", LOCK_KEY, retention, "account_token", "(expires_at < :before OR used_at < :before)");
    }
}
