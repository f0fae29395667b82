package fr.id77.trainings;

import fr.id77.account.CurrentUser;
import fr.id77.catalogue.CatalogueReference;
import fr.id77.catalogue.Offers;
import fr.id77.shared.time.TimeConfiguration;
import fr.id77.shared.web.FieldRefusal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff do with sessions: create, edit, cancel them, mark who attended. Admins manage every session, a chef de
 * file those of the offers he leads; anyone else gets « not found » for every id posted.
 */
@Service
class SessionAdmin {

    static final String TRAINING_TYPOLOGY = "sensibilisation-formation";

    private final JdbcClient jdbc;
    private final SessionStore store;
    private final Registrations registrations;
    private final ParticipantMails mails;
    private final Offers offers;
    private final CatalogueReference reference;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SessionAdmin(
            JdbcClient jdbc,
            SessionStore store,
            Registrations registrations,
            ParticipantMails mails,
            Offers offers,
            CatalogueReference reference,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.registrations = registrations;
        this.mails = mails;
        this.offers = offers;
        this.reference = reference;
        this.events = events;
        this.clock = clock;
    }

    /** The training offers this person may give sessions of (published or not), by code. */
    List<Offers.OfferSummary> manageableOffers(CurrentUser user) {
        List<Long> ids = offers.references().stream()
                .filter(o -> Session.managesOffer(user, o.chefDeFileId()))
                .map(Offers.OfferRef::id)
                .toList();
        String training = trainingLabel();
        return offers.byIds(ids).values().stream()
                .filter(o -> o.typology().equals(training))
                .sorted(java.util.Comparator.comparing(Offers.OfferSummary::code))
                .toList();
    }

    /** The sessions this person manages (admins: all), latest first. */
    List<Session> manageable(CurrentUser user) {
        if (user.isAdmin()) {
            return store.ofOffers(null);
        }
        return store.ofOffers(offers.references().stream()
                .filter(o -> Session.managesOffer(user, o.chefDeFileId()))
                .map(Offers.OfferRef::id)
                .toList());
    }

    /** A session this person manages, else not found. */
    Session managed(CurrentUser user, long sessionId) {
        return store.byId(sessionId).filter(s -> s.managedBy(user)).orElseThrow(Registrations::notFound);
    }

    /** A training offer this person may give sessions of, else not found. */
    Offers.OfferSummary offerToManage(CurrentUser user, String code) {
        return offers.publishedByCode(code)
                .filter(o -> o.typology().equals(trainingLabel()))
                .filter(o -> Session.managesOffer(user, o.chefDeFileId()))
                .orElseThrow(Registrations::notFound);
    }

    @Transactional
    long create(CurrentUser user, String offerCode, SessionForm form) {
        Offers.OfferSummary offer = offerToManage(user, offerCode);
        return withForm(
                        jdbc.sql("INSERT INTO training_session (offer_id, starts_at, ends_at, place, remote, seats, "
                                + "registration_deadline, created_by) VALUES (:offer, :start, :end, :place, :remote, "
                                + ":seats, :deadline, :by) RETURNING id"),
                        form)
                .param("offer", offer.id())
                .param("by", user.id())
                .query(Long.class)
                .single();
    }

    /**
     * Changes a session (as last seen: {@code form.version()}); seats cannot drop under the participants registered,
     * more seats go to the waiting list at once.
     */
    @Transactional
    void update(CurrentUser user, long sessionId, SessionForm form) {
        Session session = lockOpen(user, sessionId, "Cette session est annulée : elle ne peut plus être modifiée.");
        if (form.places() < session.confirmed()) {
            throw new FieldRefusal(
                    "places",
                    session.confirmed() + " participants ont déjà une place : il faut au moins autant de places "
                            + "(annulez d'abord des inscriptions).");
        }
        int changed = withForm(
                        jdbc.sql("UPDATE training_session SET starts_at = :start, ends_at = :end, place = :place, "
                                + "remote = :remote, seats = :seats, registration_deadline = :deadline, "
                                + "version = version + 1 WHERE id = :id AND version = :version"),
                        form)
                .param("id", sessionId)
                .param("version", Objects.requireNonNullElse(form.version(), -1))
                .update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException("La session a été modifiée entre-temps");
        }
        Session updated = store.byId(sessionId).orElseThrow();
        if (!updated.startsAt().equals(session.startsAt())
                || !updated.endsAt().equals(session.endsAt())
                || !Objects.equals(updated.placeLabel(), session.placeLabel())) {
            // those with a seat get the new date and place, with the .ics that moves the event in their calendar
            for (Registration r : store.registrations(sessionId)) {
                if (r.isConfirmed()) {
                    mails.send(ParticipantMails.Kind.UPDATED, updated, r.name(), r.email(), null);
                }
            }
        }
        registrations.promoteWaiting(sessionId);
    }

    /** Cancels a session: every participant still registered gets a mail, every collectivity a notification. */
    @Transactional
    Session cancel(CurrentUser user, long sessionId, String reason) {
        Session session = lockOpen(user, sessionId, "Cette session est déjà annulée.");
        if (session.hasStarted(clock.instant())) {
            throw new FieldRefusal(null, "Cette session a déjà eu lieu : elle ne peut plus être annulée.");
        }
        jdbc.sql("UPDATE training_session SET cancelled_at = :now, cancel_reason = :reason, version = version + 1 "
                        + "WHERE id = :id")
                .param("now", Timestamp.from(clock.instant()))
                .param("reason", reason.strip())
                .param("id", sessionId)
                .update();
        Set<Long> collectivityIds = new HashSet<>();
        for (Registration r : store.registrations(sessionId)) {
            if (!r.isCancelled()) {
                collectivityIds.add(r.collectivityId());
                mails.send(ParticipantMails.Kind.SESSION_CANCELLED, session, r.name(), r.email(), reason.strip());
            }
        }
        events.publishEvent(new TrainingEvents.SessionCancelled(
                session.ref(), Set.copyOf(collectivityIds), user.id(), reason.strip()));
        return session;
    }

    /** Records who attended (the others did not), once the session has begun. Ids not of its participants are ignored. */
    @Transactional
    int markAttendance(CurrentUser user, long sessionId, Collection<Long> present) {
        Session session = managed(user, sessionId);
        if (session.isCancelled() || !session.hasStarted(clock.instant())) {
            throw new FieldRefusal(null, "Les présences se notent une fois la session commencée.");
        }
        return jdbc.sql("UPDATE session_registration SET attended = (id IN (:present)) "
                        + "WHERE session_id = :s AND status = 'CONFIRMED'")
                .param("present", present.isEmpty() ? List.of(-1L) : present)
                .param("s", sessionId)
                .update();
    }

    /** The session, locked, if this person manages it (else not found) and it is not cancelled (else refused). */
    private Session lockOpen(CurrentUser user, long sessionId, String ifCancelled) {
        Session session = registrations.lock(sessionId);
        if (!session.managedBy(user)) {
            throw Registrations.notFound();
        }
        if (session.isCancelled()) {
            throw new FieldRefusal(null, ifCancelled);
        }
        return session;
    }

    /** The columns the form sets, for an INSERT or an UPDATE. */
    private static JdbcClient.StatementSpec withForm(JdbcClient.StatementSpec statement, SessionForm form) {
        return statement
                .param("start", start(form))
                .param("end", end(form))
                .param("place", form.place())
                .param("remote", form.remote())
                .param("seats", form.places())
                .param("deadline", form.dateLimite());
    }

    private String trainingLabel() {
        return reference
                .typology(TRAINING_TYPOLOGY)
                .map(CatalogueReference.TypologyRef::label)
                .orElse("");
    }

    private static Timestamp start(SessionForm form) {
        return at(
                form.date().atTime(form.debut()).atZone(TimeConfiguration.PARIS).toInstant());
    }

    private static Timestamp end(SessionForm form) {
        return at(form.date().atTime(form.fin()).atZone(TimeConfiguration.PARIS).toInstant());
    }

    private static Timestamp at(Instant instant) {
        return Timestamp.from(instant);
    }
}
