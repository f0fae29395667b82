package fr.id77.notifications;

import fr.id77.shared.jobs.Purges;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes read notifications older than {@code id77.purge.read-notifications.after} (6 months, counted from the
 * notification's date, the one people see): at the scale of the département they would reach millions of rows.
 * Unread ones stay, however old: nobody loses news they have not seen.
 */
@Component
class ReadNotificationPurge {

    static final long LOCK_KEY = 77_000_102L;

    private final Purges purges;
    private final Duration retention;

    ReadNotificationPurge(Purges purges, @Value("${id77.purge.read-notifications.after:183d}") Duration retention) {
        this.purges = purges;
        this.retention = retention;
    }

    @Scheduled(cron = "${id77.purge.read-notifications.cron:0 20 3 * * *}", zone = "Europe/Paris")
    public int purge() {
        return purges.deleteRows(
                "read-notifications",
                LOCK_KEY,
                retention,
                "notification",
                "read_at IS NOT NULL AND created_at < :before");
    }
}
