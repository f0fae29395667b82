package fr.id77.loans;

import fr.id77.catalogue.Offers;
import fr.id77.loans.LoanRules.Occupation;
import fr.id77.loans.LoanRules.Period;
import fr.id77.requests.Actor;
import fr.id77.requests.RequestEvents;
import fr.id77.requests.RequestWorkflow;
import fr.id77.shared.time.TimeConfiguration;
import fr.id77.shared.web.FieldRefusal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.server.ResponseStatusException;

/**
 * The bookings of exhibition copies. A collectivity's request on an exhibition records the period it wishes (WISHED);
 * accepting the request confirms it on a free copy (CONFIRMED), which PostgreSQL's exclusion constraint
 * {@code loan_booking_no_overlap} guarantees no other confirmed loan of that copy overlaps; rejecting, cancelling or
 * deleting the request releases it, completing it early shortens it. Each booking follows its request through the
 * request's events, in their transaction: a refused confirmation aborts the acceptance with nothing written.
 */
@Service
class LoanBookings {

    /** SQLSTATE of an exclusion constraint violation. */
    static final String EXCLUSION_VIOLATION = "23P01";

    /**
     * SQLSTATE of a deadlock: two confirmations of the same copy at once may each wait for the other's row to decide the
     * constraint; PostgreSQL then fails one of them, whose copy the other one takes.
     */
    static final String DEADLOCK = "40P01";

    enum Status {
        WISHED("Période demandée"),
        CONFIRMED("Réservation confirmée"),
        RELEASED("Période libérée");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    record Booking(
            long id,
            long requestId,
            int numero,
            long offerId,
            long collectivityId,
            Long chefDeFileId,
            Long responsableId,
            Long referentId,
            Long copyId,
            Long chosenCopyId,
            Period period,
            int bufferDays,
            Status status) {

        RequestEvents.RequestRef ref() {
            return new RequestEvents.RequestRef(
                    requestId, numero, offerId, collectivityId, chefDeFileId, responsableId, referentId);
        }

        /** The staff who process its request: an admin, the offer's chef de file, the request's responsable. */
        boolean handledBy(Actor actor, Long offerChefDeFileId) {
            return actor.admin()
                    || (actor.staff()
                            && (Objects.equals(actor.userId(), offerChefDeFileId)
                                    || Objects.equals(actor.userId(), responsableId)));
        }
    }

    /** Whether a copy is free for a wished period, and if not the next free periods of the same length. */
    record Answer(Period period, boolean free, List<Period> proposals) {
        public String message() {
            return free
                    ? "Un exemplaire est libre " + period.label() + " : vous pouvez envoyer votre demande."
                    : "Aucun exemplaire n'est libre " + period.label() + ". " + LoanRules.proposals(proposals);
        }
    }

    private static final String COLUMNS = "id, request_id, request_numero, offer_id, collectivity_id, chef_de_file_id, "
            + "responsable_id, referent_id, copy_id, chosen_copy_id, starts_on, ends_on, buffer_days, status";

    private static final Object FILED = new Object();

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Exhibitions exhibitions;
    private final RequestWorkflow workflow;
    private final Offers offers;
    private final Clock clock;

    LoanBookings(
            JdbcClient jdbc,
            DataSource dataSource,
            Exhibitions exhibitions,
            RequestWorkflow workflow,
            Offers offers,
            Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.exhibitions = exhibitions;
        this.workflow = workflow;
        this.offers = offers;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(TimeConfiguration.PARIS));
    }

    // --- reading ---------------------------------------------------------------------------------

    Optional<Booking> byRequest(long requestId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM loan_booking WHERE request_id = :r")
                .param("r", requestId)
                .query((rs, n) -> booking(rs))
                .optional();
    }

    Optional<Booking> byNumero(int numero) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM loan_booking WHERE request_numero = :n")
                .param("n", numero)
                .query((rs, n) -> booking(rs))
                .optional();
    }

    /** The bookings of these exhibitions that hold or ask for a copy within {@code within}, in date order. */
    List<Booking> active(java.util.Collection<Long> offerIds, Period within) {
        if (offerIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM loan_booking WHERE offer_id IN (:o) AND status <> 'RELEASED' "
                        + "AND held && daterange(:from, :to, '[]') ORDER BY starts_on, id")
                .param("o", offerIds)
                .param("from", within.start())
                .param("to", within.end())
                .query((rs, n) -> booking(rs))
                .list();
    }

    /** What the exhibition's bookings take ({@code confirmedOnly}: the loans; else the wishes too), but {@code except}. */
    List<Occupation> occupations(long offerId, boolean confirmedOnly, Long except) {
        int buffer = exhibitions.of(offerId).bufferDays();
        return jdbc.sql("SELECT id, copy_id, chosen_copy_id, starts_on, ends_on, buffer_days, status FROM loan_booking "
                        + "WHERE offer_id = :o AND status " + (confirmedOnly ? "= 'CONFIRMED'" : "<> 'RELEASED'")
                        + " AND ends_on >= :since AND id <> :except")
                .param("o", offerId)
                .param("since", today().minusDays(buffer + 1L))
                .param("except", except == null ? -1L : except)
                .query((rs, n) -> {
                    boolean confirmed = "CONFIRMED".equals(rs.getString(7));
                    Period period = new Period(rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class));
                    // a wish holds what it would hold if confirmed today, with the exhibition's transport days
                    return new Occupation(
                            rs.getLong(1),
                            confirmed ? rs.getLong(2) : rs.getObject(3, Long.class),
                            period.held(confirmed ? rs.getInt(6) : buffer),
                            confirmed);
                })
                .list();
    }

    /** Whether a copy of the exhibition is free (of loans and of other collectivities' wishes) for {@code period}. */
    @Transactional(readOnly = true)
    Answer check(long offerId, Period period) {
        Exhibitions.Exhibition exhibition = exhibitions.of(offerId);
        List<Occupation> taken = occupations(offerId, false, null);
        List<Long> copies = exhibition.activeCopyIds();
        boolean free = !LoanRules.freeCopies(copies, taken, period, exhibition.bufferDays())
                .isEmpty();
        return new Answer(
                period,
                free,
                free ? List.of() : LoanRules.nextFree(copies, taken, period, exhibition.bufferDays(), today()));
    }

    // --- filing ----------------------------------------------------------------------------------

    /**
     * Files the collectivity's request on the exhibition with its wished period, in one transaction: the request (En
     * attente) and its booking, or nothing. A period no copy is free for is refused next to its start, with the next free
     * ones. Returns the request's number.
     */
    @Transactional
    int book(
            Actor actor,
            Offers.OfferSummary offer,
            LocalDate start,
            LocalDate end,
            Long referentId,
            String message,
            UUID token) {
        Exhibitions.Exhibition exhibition = exhibitions.ensure(offer.id());
        Period period = LoanRules.wished(start, end, exhibition.settings(), today());
        Answer answer = check(offer.id(), period);
        if (!answer.free()) {
            throw new FieldRefusal("debut", answer.message());
        }
        int numero = workflow.file(actor, offer.id(), offer.chefDeFileId(), referentId, message, List.of(), token);
        RequestEvents.RequestRef ref = filedNow().get(numero);
        if (ref == null) {
            return numero; // the same form sent again: its request and booking exist already
        }
        jdbc.sql("INSERT INTO loan_booking (request_id, request_numero, offer_id, collectivity_id, chef_de_file_id, "
                        + "responsable_id, referent_id, starts_on, ends_on, buffer_days) "
                        + "VALUES (:r, :n, :o, :c, :chef, :resp, :ref, :s, :e, :b)")
                .param("r", ref.requestId())
                .param("n", ref.numero())
                .param("o", offer.id())
                .param("c", ref.collectivityId())
                .param("chef", ref.chefDeFileId())
                .param("resp", ref.responsableId())
                .param("ref", ref.referentId())
                .param("s", period.start())
                .param("e", period.end())
                .param("b", exhibition.bufferDays())
                .update();
        return numero;
    }

    /** The requests filed in this transaction, by number (the workflow returns only the number). */
    @EventListener
    void filed(RequestEvents.Filed e) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            filedNow().put(e.numero(), e.request());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<Integer, RequestEvents.RequestRef> filedNow() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new HashMap<>();
        }
        Object bound = TransactionSynchronizationManager.getResource(FILED);
        if (bound != null) {
            return (Map<Integer, RequestEvents.RequestRef>) bound;
        }
        Map<Integer, RequestEvents.RequestRef> filed = new HashMap<>();
        TransactionSynchronizationManager.bindResource(FILED, filed);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(FILED);
            }
        });
        return filed;
    }

    // --- following the request -------------------------------------------------------------------

    /**
     * Follows an exhibition request, in the transaction of its change: its people (for the reminders and the staff
     * calendar), and its status: accepted (or reopened) confirms the booking, rejected, cancelled or deleted releases
     * it, completed before its end shortens it to today. A confirmation no copy is free for throws, which aborts the
     * change.
     */
    @EventListener
    void changed(RequestEvents.Change e) {
        if (e instanceof RequestEvents.Filed) {
            return;
        }
        Optional<Booking> found = byRequest(e.request().requestId());
        if (found.isEmpty()) {
            return;
        }
        Booking booking = found.get();
        RequestEvents.RequestRef ref = e.request();
        if (!Objects.equals(booking.chefDeFileId(), ref.chefDeFileId())
                || !Objects.equals(booking.responsableId(), ref.responsableId())
                || !Objects.equals(booking.referentId(), ref.referentId())) {
            jdbc.sql("UPDATE loan_booking SET chef_de_file_id = :chef, responsable_id = :resp, referent_id = :ref "
                            + "WHERE id = :id")
                    .param("chef", ref.chefDeFileId())
                    .param("resp", ref.responsableId())
                    .param("ref", ref.referentId())
                    .param("id", booking.id())
                    .update();
        }
        if (!(e instanceof RequestEvents.StatusChanged change)) {
            return;
        }
        switch (change.to()) {
            case EN_COURS -> {
                if (booking.status() != Status.CONFIRMED) {
                    confirm(booking);
                }
            }
            case REJETEE, ANNULEE, SUPPRIMEE -> release(booking.id());
            case TERMINEE -> completed(booking);
            case EN_ATTENTE, COMPLEMENTS -> {
                // a wish waits, a loan stays confirmed while compléments are asked
            }
        }
    }

    private void release(long bookingId) {
        jdbc.sql("UPDATE loan_booking SET status = 'RELEASED' WHERE id = :id AND status <> 'RELEASED'")
                .param("id", bookingId)
                .update();
    }

    /** A request completed before its loan's end gives back the days left (all of them if the loan had not begun). */
    private void completed(Booking booking) {
        LocalDate today = today();
        if (booking.status() != Status.CONFIRMED || !booking.period().end().isAfter(today)) {
            return;
        }
        if (booking.period().start().isAfter(today)) {
            release(booking.id());
        } else {
            jdbc.sql("UPDATE loan_booking SET ends_on = :today WHERE id = :id")
                    .param("today", today)
                    .param("id", booking.id())
                    .update();
        }
    }

    /**
     * Confirms the booking on the copy the handler chose, else on the first active copy PostgreSQL accepts: each try
     * runs in a savepoint, so a copy another loan holds (even one committed by another instance a moment ago) leaves the
     * transaction usable for the next copy. None free: the acceptance is refused with the next free periods.
     */
    private void confirm(Booking booking) {
        Exhibitions.Exhibition exhibition = exhibitions.ensure(booking.offerId());
        List<Long> candidates = new ArrayList<>();
        if (booking.chosenCopyId() != null && exhibition.activeCopyIds().contains(booking.chosenCopyId())) {
            candidates.add(booking.chosenCopyId());
        } else {
            // the copies that look free first, then the others: the constraint decides
            List<Occupation> loans = occupations(booking.offerId(), true, booking.id());
            candidates.addAll(
                    LoanRules.freeCopies(exhibition.activeCopyIds(), loans, booking.period(), exhibition.bufferDays()));
            exhibition.activeCopyIds().stream()
                    .filter(c -> !candidates.contains(c))
                    .forEach(candidates::add);
        }
        for (long copy : candidates) {
            if (tryConfirm(booking.id(), copy, exhibition.bufferDays())) {
                return;
            }
        }
        List<Period> free = LoanRules.nextFree(
                exhibition.activeCopyIds(),
                occupations(booking.offerId(), true, booking.id()),
                booking.period(),
                exhibition.bufferDays(),
                today());
        String which = booking.chosenCopyId() != null && candidates.size() == 1
                ? "L'exemplaire choisi (" + exhibition.copyLabel(booking.chosenCopyId()) + ") n'est pas libre "
                : "Aucun exemplaire de l'exposition n'est libre ";
        throw new FieldRefusal(
                null,
                which + booking.period().label() + " (avec " + exhibition.bufferDays()
                        + " jours de transport avant et après) : la demande N°" + booking.numero()
                        + " n'a pas été acceptée. " + LoanRules.proposals(free));
    }

    /** Confirms on {@code copy} inside a savepoint; false, with the savepoint rolled back, when the copy is taken. */
    private boolean tryConfirm(long bookingId, long copy, int buffer) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        Savepoint savepoint;
        try {
            savepoint = connection.setSavepoint();
        } catch (SQLException e) {
            throw new IllegalStateException("Point de sauvegarde impossible", e);
        }
        try {
            jdbc.sql(
                            "UPDATE loan_booking SET status = 'CONFIRMED', copy_id = :copy, buffer_days = :buffer WHERE id = :id")
                    .param("copy", copy)
                    .param("buffer", buffer)
                    .param("id", bookingId)
                    .update();
            connection.releaseSavepoint(savepoint);
            return true;
        } catch (DataAccessException e) {
            if (!isTaken(e)) {
                throw e;
            }
            try {
                connection.rollback(savepoint);
            } catch (SQLException rollback) {
                throw new IllegalStateException("Retour au point de sauvegarde impossible", rollback);
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("Point de sauvegarde impossible", e);
        }
    }

    static boolean isExclusionViolation(Throwable e) {
        return hasState(e, EXCLUSION_VIOLATION);
    }

    /** The copy was taken by another loan: the constraint refused it, or a race with another confirmation was lost. */
    static boolean isTaken(Throwable e) {
        return isExclusionViolation(e) || hasState(e, DEADLOCK);
    }

    private static boolean hasState(Throwable e, String state) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    // --- the handler's choice of copy --------------------------------------------------------------

    /**
     * The handler of request {@code numero} chooses the copy its loan takes ({@code copyId} null: any free one). A wish
     * records it for the acceptance; a confirmed loan moves to it now, if PostgreSQL finds it free. Anybody else is
     * answered as if the booking did not exist.
     */
    @Transactional
    void chooseCopy(int numero, Long copyId, Actor actor) {
        Booking booking = byNumero(numero).orElseThrow(LoanBookings::notFound);
        Long chef = offers.byIds(List.of(booking.offerId())).values().stream()
                .findFirst()
                .map(Offers.OfferSummary::chefDeFileId)
                .orElse(null);
        if (!booking.handledBy(actor, chef)) {
            throw notFound();
        }
        Exhibitions.Exhibition exhibition = exhibitions.ensure(booking.offerId());
        if (copyId != null && !exhibition.activeCopyIds().contains(copyId)) {
            throw new FieldRefusal("exemplaire", "Choisissez un exemplaire en service de cette exposition.");
        }
        switch (booking.status()) {
            case WISHED ->
                jdbc.sql("UPDATE loan_booking SET chosen_copy_id = :c WHERE id = :id")
                        .param("c", copyId)
                        .param("id", booking.id())
                        .update();
            case CONFIRMED -> {
                if (copyId == null || copyId.equals(booking.copyId())) {
                    return;
                }
                if (!tryConfirm(booking.id(), copyId, booking.bufferDays())) {
                    throw new FieldRefusal(
                            "exemplaire",
                            "L'exemplaire « " + exhibition.copyLabel(copyId) + " » n'est pas libre "
                                    + booking.period().label() + " : le prêt reste sur « "
                                    + exhibition.copyLabel(booking.copyId()) + " ».");
                }
                jdbc.sql("UPDATE loan_booking SET chosen_copy_id = :c WHERE id = :id")
                        .param("c", copyId)
                        .param("id", booking.id())
                        .update();
            }
            case RELEASED ->
                throw new FieldRefusal(
                        "exemplaire", "Cette période est libérée : il n'y a plus d'exemplaire à choisir.");
        }
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private static Booking booking(java.sql.ResultSet rs) throws SQLException {
        return new Booking(
                rs.getLong("id"),
                rs.getLong("request_id"),
                rs.getInt("request_numero"),
                rs.getLong("offer_id"),
                rs.getLong("collectivity_id"),
                rs.getObject("chef_de_file_id", Long.class),
                rs.getObject("responsable_id", Long.class),
                rs.getObject("referent_id", Long.class),
                rs.getObject("copy_id", Long.class),
                rs.getObject("chosen_copy_id", Long.class),
                new Period(rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class)),
                rs.getInt("buffer_days"),
                Status.valueOf(rs.getString("status")));
    }
}
