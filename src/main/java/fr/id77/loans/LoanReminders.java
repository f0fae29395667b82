package fr.id77.loans;

import fr.id77.catalogue.Offers;
import fr.id77.shared.jobs.ClusterLock;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily reminders of confirmed loans: their pick-up within {@code id77.loans.reminders.days-before} days, their
 * return within as many days, once each ({@code pickup_reminded_at}, {@code return_reminded_at}). Each reminder claims
 * its row and publishes {@link LoanReminderDue} in one transaction: two runs at once remind once. One instance at a
 * time runs it ({@link ClusterLock}).
 */
@Component
class LoanReminders {

    static final long LOCK_KEY = 77_000_120L;

    private record Due(long id, LoanReminderDue.Kind kind) {}

    private final JdbcClient jdbc;
    private final LoanBookings bookings;
    private final Exhibitions exhibitions;
    private final Offers offers;
    private final ClusterLock lock;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int daysBefore;

    LoanReminders(
            JdbcClient jdbc,
            LoanBookings bookings,
            Exhibitions exhibitions,
            Offers offers,
            ClusterLock lock,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${id77.loans.reminders.days-before:3}") int daysBefore) {
        this.jdbc = jdbc;
        this.bookings = bookings;
        this.exhibitions = exhibitions;
        this.offers = offers;
        this.lock = lock;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.daysBefore = daysBefore;
    }

    @Scheduled(cron = "${id77.loans.reminders.cron:0 0 7 * * MON-FRI}", zone = "Europe/Paris")
    public void scheduled() {
        lock.runExclusively(LOCK_KEY, this::remindAll);
    }

    /** Reminds of every pick-up and return due; returns how many reminders were sent. */
    int remindAll() {
        LocalDate today = bookings.today();
        LocalDate until = today.plusDays(daysBefore);
        List<Due> due = jdbc.sql("SELECT id, 'PICKUP' FROM loan_booking WHERE status = 'CONFIRMED' "
                        + "AND pickup_reminded_at IS NULL AND starts_on BETWEEN :today AND :until "
                        + "UNION ALL SELECT id, 'RETURN' FROM loan_booking WHERE status = 'CONFIRMED' "
                        + "AND return_reminded_at IS NULL AND ends_on BETWEEN :today AND :until ORDER BY 1, 2")
                .param("today", today)
                .param("until", until)
                .query((rs, n) -> new Due(rs.getLong(1), LoanReminderDue.Kind.valueOf(rs.getString(2))))
                .list();
        int sent = 0;
        for (Due d : due) {
            if (Boolean.TRUE.equals(transactions.execute(status -> remind(d, today, until)))) {
                sent++;
            }
        }
        return sent;
    }

    private boolean remind(Due due, LocalDate today, LocalDate until) {
        String column = due.kind() == LoanReminderDue.Kind.PICKUP ? "pickup_reminded_at" : "return_reminded_at";
        String day = due.kind() == LoanReminderDue.Kind.PICKUP ? "starts_on" : "ends_on";
        int claimed = jdbc.sql("UPDATE loan_booking SET " + column + " = :now WHERE id = :id AND " + column
                        + " IS NULL AND status = 'CONFIRMED' AND " + day + " BETWEEN :today AND :until")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", due.id())
                .param("today", today)
                .param("until", until)
                .update();
        if (claimed == 0) {
            return false; // another run reminded it, or the loan moved meanwhile
        }
        LoanBookings.Booking booking = jdbc.sql("SELECT request_numero FROM loan_booking WHERE id = :id")
                .param("id", due.id())
                .query(Integer.class)
                .optional()
                .flatMap(bookings::byNumero)
                .orElseThrow();
        Exhibitions.Exhibition exhibition = exhibitions.of(booking.offerId());
        String offer = offers.byIds(List.of(booking.offerId())).values().stream()
                .findFirst()
                .map(o -> o.code() + " – " + o.title())
                .orElse("exposition");
        events.publishEvent(new LoanReminderDue(
                booking.ref(),
                due.kind(),
                offer,
                exhibition.copyLabel(booking.copyId()),
                booking.period().start(),
                booking.period().end()));
        return true;
    }
}
