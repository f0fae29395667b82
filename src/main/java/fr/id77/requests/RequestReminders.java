package fr.id77.requests;

import fr.id77.shared.jobs.ClusterLock;
import fr.id77.shared.time.TimeConfiguration;
import fr.id77.shared.time.WorkingDays;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily reminders, so that no request stalls: its chef de file and responsable are reminded of a request past the
 * deadline running in its status (V44's {@code due_on}), and its collectivity of a request waiting for its compléments
 * for more than {@value #COMPLEMENTS_WORKING_DAYS} working days; at most once a week per request
 * ({@code reminded_at}, V56). Each request is reminded in its own transaction that first claims it (the week's guard
 * in the UPDATE itself): two runs at once, or a run after an instance died in the middle, remind each request once.
 * One instance at a time runs it ({@link ClusterLock}).
 */
@Component
class RequestReminders {

    static final long LOCK_KEY = 77_000_111L;

    /** The collectivity is reminded of compléments it has not sent after this many working days. */
    static final int COMPLEMENTS_WORKING_DAYS = 10;

    /** A request is reminded at most once in this time. */
    static final Duration EVERY = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final RequestRepository requests;
    private final ClusterLock lock;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RequestReminders(
            JdbcClient jdbc,
            RequestRepository requests,
            ClusterLock lock,
            TransactionTemplate transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.requests = requests;
        this.lock = lock;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(cron = "${id77.requests.reminders.cron:0 30 7 * * MON-FRI}", zone = "Europe/Paris")
    public void scheduled() {
        lock.runExclusively(LOCK_KEY, this::remindAll);
    }

    /** Reminds of every request due for a reminder today; returns how many were reminded. */
    int remindAll() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, TimeConfiguration.PARIS);
        Timestamp weekAgo = Timestamp.from(now.minus(EVERY));
        // compléments asked before this instant have waited more than COMPLEMENTS_WORKING_DAYS working days
        Timestamp complementsBefore = Timestamp.from(RequestActivity.filedBefore(COMPLEMENTS_WORKING_DAYS, today));
        List<Long> due = jdbc.sql("SELECT id FROM request WHERE (reminded_at IS NULL OR reminded_at < :weekAgo) AND ("
                        + "(status IN ('EN_ATTENTE', 'EN_COURS') AND due_on < :today) "
                        + "OR (status = 'COMPLEMENTS' AND complements_since < :complementsBefore)) ORDER BY id")
                .param("weekAgo", weekAgo)
                .param("today", today)
                .param("complementsBefore", complementsBefore)
                .query(Long.class)
                .list();
        int reminded = 0;
        for (long id : due) {
            if (Boolean.TRUE.equals(transactions.execute(status -> {
                boolean done = remind(id, now, today, weekAgo);
                if (!done) {
                    status.setRollbackOnly(); // nothing to remind of after all: the claim goes too
                }
                return done;
            }))) {
                reminded++;
            }
        }
        return reminded;
    }

    private boolean remind(long id, Instant now, LocalDate today, Timestamp weekAgo) {
        int claimed = jdbc.sql("UPDATE request SET reminded_at = :now WHERE id = :id "
                        + "AND (reminded_at IS NULL OR reminded_at < :weekAgo)")
                .param("now", Timestamp.from(now))
                .param("id", id)
                .param("weekAgo", weekAgo)
                .update();
        if (claimed == 0) {
            return false; // another run reminded it meanwhile
        }
        Request request = requests.findById(id).orElseThrow();
        if (request.getStatus() == RequestStatus.COMPLEMENTS) {
            LocalDate since = LocalDate.ofInstant(request.getComplementsSince(), TimeConfiguration.PARIS);
            request.remind(RequestEvents.Reminder.COMPLEMENTS, since, WorkingDays.between(since, today));
        } else {
            LocalDate dueOn = request.getDueOn();
            if (dueOn == null || !dueOn.isBefore(today)) {
                return false; // answered or moved on since the candidates were read
            }
            request.remind(RequestEvents.Reminder.LATE, dueOn, RequestDeadlines.lateBy(dueOn, today));
        }
        requests.save(request);
        return true;
    }
}
