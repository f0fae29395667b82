package fr.id77.trainings;

import fr.id77.account.CurrentUser;
import fr.id77.membership.Collectivities;
import fr.id77.shared.mail.MailQuota;
import fr.id77.shared.web.FieldRefusal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Registers participants and cancels registrations. Every change of a session's seats first locks the session's row
 * ({@code SELECT … FOR UPDATE}), then counts the seats taken, in one transaction: two registrations at once count one
 * after the other, and the database's trigger (V60) refuses any CONFIRMED row beyond the seats whoever writes it. A
 * seat freed is given at once to the first participant waiting (order of registration), who is told.
 */
@Service
class Registrations {

    /** One participant of the form; {@code row} is its line in the form (for a refusal next to its field). */
    record Participant(int row, String name, String function, String email) {}

    /** Who got a seat and who went to the waiting list. */
    record Outcome(List<String> confirmed, List<String> waiting) {}

    private final JdbcClient jdbc;
    private final SessionStore store;
    private final ParticipantMails mails;
    private final MailQuota quota;
    private final Collectivities collectivities;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Registrations(
            JdbcClient jdbc,
            SessionStore store,
            ParticipantMails mails,
            MailQuota quota,
            Collectivities collectivities,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.mails = mails;
        this.quota = quota;
        this.collectivities = collectivities;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Registers {@code people} of the member's collectivity: the first ones take the seats left, the others go to the
     * waiting list, in the form's order. Refused whole ({@link FieldRefusal}) when the session takes no registration,
     * when one of them is already registered, or when too many mails were asked ({@link MailQuota.Exceeded}).
     */
    @Transactional
    Outcome register(CurrentUser user, long sessionId, List<Participant> people) {
        Long collectivityId = user.collectivityId();
        if (collectivityId == null || !collectivities.isActive(collectivityId)) {
            throw new FieldRefusal(null, "Seul un agent d'une collectivité adhérente peut inscrire des participants.");
        }
        Session session = lock(sessionId);
        String refusal = session.refusal(clock.instant());
        if (refusal != null) {
            throw new FieldRefusal(null, refusal);
        }
        if (people.isEmpty()) {
            throw new FieldRefusal(null, "Indiquez au moins un participant.");
        }
        Set<String> registered = new HashSet<>(jdbc.sql("SELECT lower(email) FROM session_registration "
                        + "WHERE session_id = :s AND status <> 'CANCELLED'")
                .param("s", sessionId)
                .query(String.class)
                .list());
        for (Participant p : people) {
            if (!registered.add(p.email().toLowerCase(Locale.ROOT))) {
                throw new FieldRefusal(
                        "participants[" + p.row() + "].email",
                        p.email() + " est déjà inscrit(e) à cette session (ou figure deux fois dans le formulaire).");
            }
        }
        int taken = session.confirmed();
        List<String> confirmed = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        for (Participant p : people) {
            Registration.Status status =
                    taken < session.seats() ? Registration.Status.CONFIRMED : Registration.Status.WAITING;
            jdbc.sql("INSERT INTO session_registration (session_id, collectivity_id, registered_by, participant_name, "
                            + "participant_function, email, status, confirmed_at) "
                            + "VALUES (:s, :c, :by, :name, :function, :email, :status, :confirmedAt)")
                    .param("s", sessionId)
                    .param("c", collectivityId)
                    .param("by", user.id())
                    .param("name", p.name())
                    .param("function", p.function())
                    .param("email", p.email())
                    .param("status", status.name())
                    .param("confirmedAt", status == Registration.Status.CONFIRMED ? now() : null)
                    .update();
            quota.acquire(p.email());
            if (status == Registration.Status.CONFIRMED) {
                taken++;
                confirmed.add(p.name());
                mails.send(ParticipantMails.Kind.CONFIRMED, session, p.name(), p.email(), null);
            } else {
                waiting.add(p.name());
                mails.send(ParticipantMails.Kind.WAITING, session, p.name(), p.email(), null);
            }
        }
        String collectivityName =
                collectivities.byId(collectivityId).map(c -> c.name()).orElse("");
        events.publishEvent(new TrainingEvents.ParticipantsRegistered(
                session.ref(),
                collectivityId,
                collectivityName,
                user.id(),
                user.displayName(),
                List.copyOf(confirmed),
                List.copyOf(waiting)));
        return new Outcome(confirmed, waiting);
    }

    /**
     * Cancels a registration: by a member of its collectivity, or by staff managing its session (anyone else: not
     * found). A seat freed goes to the first participant waiting. Returns the session.
     */
    @Transactional
    Session cancel(CurrentUser user, long registrationId) {
        Registration found = store.registration(registrationId).orElseThrow(Registrations::notFound);
        Session session = lock(found.sessionId());
        boolean ownCollectivity = user.collectivityId() != null && user.collectivityId() == found.collectivityId();
        if (!ownCollectivity && !session.managedBy(user)) {
            throw notFound();
        }
        if (session.hasStarted(clock.instant())) {
            throw new FieldRefusal(null, "La session a commencé : l'inscription ne peut plus être annulée.");
        }
        Registration registration = store.registration(registrationId).orElseThrow(Registrations::notFound);
        if (registration.isCancelled()) {
            throw new FieldRefusal(null, "Cette inscription est déjà annulée.");
        }
        jdbc.sql("UPDATE session_registration SET status = 'CANCELLED', cancelled_at = :now WHERE id = :id")
                .param("now", now())
                .param("id", registrationId)
                .update();
        if (ownCollectivity) {
            quota.acquire(registration.email());
        }
        mails.send(
                ParticipantMails.Kind.REGISTRATION_CANCELLED, session, registration.name(), registration.email(), null);
        if (registration.isConfirmed() && !session.isCancelled()) {
            promoteWaiting(session.id());
        }
        return session;
    }

    /**
     * Gives the free seats of a session (its row locked by the caller) to the participants waiting, first come first
     * served, and tells each of them. Returns how many were promoted.
     */
    int promoteWaiting(long sessionId) {
        Session session = store.byId(sessionId).orElseThrow(Registrations::notFound);
        int promoted = 0;
        for (int free = session.seatsLeft(); free > 0; free--) {
            List<Registration> first = jdbc
                    .sql("SELECT id FROM session_registration WHERE session_id = :s "
                            + "AND status = 'WAITING' ORDER BY created_at, id LIMIT 1")
                    .param("s", sessionId)
                    .query(Long.class)
                    .list()
                    .stream()
                    .flatMap(id -> store.registration(id).stream())
                    .toList();
            if (first.isEmpty()) {
                break;
            }
            Registration next = first.getFirst();
            jdbc.sql("UPDATE session_registration SET status = 'CONFIRMED', confirmed_at = :now WHERE id = :id")
                    .param("now", now())
                    .param("id", next.id())
                    .update();
            mails.send(ParticipantMails.Kind.PROMOTED, session, next.name(), next.email(), null);
            events.publishEvent(
                    new TrainingEvents.WaitingParticipantPromoted(session.ref(), next.collectivityId(), next.name()));
            promoted++;
        }
        return promoted;
    }

    /** The session, its row locked until the transaction ends. */
    Session lock(long sessionId) {
        List<Long> locked = jdbc.sql("SELECT id FROM training_session WHERE id = :id FOR UPDATE")
                .param("id", sessionId)
                .query(Long.class)
                .list();
        if (locked.isEmpty()) {
            throw notFound();
        }
        return store.byId(sessionId).orElseThrow(Registrations::notFound);
    }

    private Timestamp now() {
        return Timestamp.from(Instant.now(clock));
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
