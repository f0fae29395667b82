package fr.id77.shared.mail;

import fr.id77.shared.jobs.Purges;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes sent mails, bodies included, once {@code id77.purge.sent-mails.after} (30 days) old: the outbox is a queue,
 * not an archive of what people were told. Mails replaced by a fresh link go the same way; failed ones stay, for the
 * admins to see and resend ({@code /admin/courriels}).
 */
@Component
class SentMailPurge {

    static final long LOCK_KEY = 77_000_101L;

    private final Purges purges;
    private final Duration retention;

    SentMailPurge(Purges purges, @Value("${id77.purge.sent-mails.after:30d}") Duration retention) {
        this.purges = purges;
        this.retention = retention;
    }

    @Scheduled(cron = "${id77.purge.sent-mails.cron:0 10 3 * * *}", zone = "Europe/Paris")
    public int purge() {
        return purges.deleteRows(
                "sent-mails",
                LOCK_KEY,
                retention,
                "mail_outbox",
                "status IN ('SENT', 'REPLACED') AND COALESCE(sent_at, created_at) < :before");
    }
}
