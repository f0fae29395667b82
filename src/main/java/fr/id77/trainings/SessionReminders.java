package fr.id77.trainings;

import fr.id77.shared.jobs.ClusterLock;
import fr.id77.shared.time.TimeConfiguration;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily reminder: each participant with a seat at a session starting within the next {@value #DAYS_BEFORE} days
 * (Paris dates: on the 10th, the sessions of the 11th and 12th) gets one mail with the session's {@code .ics}, once
 * ({@code reminded_at}, claimed in the same statement that checks it: two runs at once remind each participant once).
 * One instance at a time runs it ({@link ClusterLock}).
 */
@Component
class SessionReminders {

    static final long LOCK_KEY = 77_000_130L;
    static final int DAYS_BEFORE = 2;

    private final JdbcClient jdbc;
    private final SessionStore store;
    private final ParticipantMails mails;
    private final ClusterLock lock;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SessionReminders(
            JdbcClient jdbc,
            SessionStore store,
            ParticipantMails mails,
            ClusterLock lock,
            TransactionTemplate transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.mails = mails;
        this.lock = lock;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(cron = "${id77.trainings.reminders.cron:0 0 9 * * *}", zone = "Europe/Paris")
    public void scheduled() {
        lock.runExclusively(LOCK_KEY, this::remindAll);
    }

    /** Reminds every participant due; returns how many were reminded. */
    int remindAll() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, TimeConfiguration.PARIS);
        Instant until = today.plusDays(DAYS_BEFORE + 1)
                .atStartOfDay(TimeConfiguration.PARIS)
                .toInstant();
        List<Long> due = jdbc.sql(
                        "SELECT r.id FROM session_registration r JOIN training_session s ON s.id = r.session_id "
                                + "WHERE r.status = 'CONFIRMED' AND r.reminded_at IS NULL AND s.cancelled_at IS NULL "
                                + "AND s.starts_at > :now AND s.starts_at < :until ORDER BY r.id")
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(until))
                .query(Long.class)
                .list();
        int reminded = 0;
        for (long id : due) {
            if (Boolean.TRUE.equals(transactions.execute(status -> remind(id, now)))) {
                reminded++;
            }
        }
        return reminded;
    }

    private boolean remind(long registrationId, Instant now) {
        int claimed = jdbc.sql("UPDATE session_registration SET reminded_at = :now WHERE id = :id "
                        + "AND reminded_at IS NULL AND status = 'CONFIRMED'")
                .param("now", Timestamp.from(now))
                .param("id", registrationId)
                .update();
        if (claimed == 0) {
            return false;
        }
        Registration r = store.registration(registrationId).orElseThrow();
        Session session = store.byId(r.sessionId()).orElseThrow();
        mails.send(ParticipantMails.Kind.REMINDER, session, r.name(), r.email(), null);
        return true;
    }
}
