package fr.id77.requests;

import fr.id77.shared.time.TimeConfiguration;
import fr.id77.shared.web.FieldRefusal;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongPredicate;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.Generated;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A request filed by a collectivity on an offer. Its status only changes through the transition
 * methods, which enforce who may do what from which status; each change registers its event
 * ({@link RequestEvents}), published when the request is saved through its repository, from which
 * {@link RequestHistory} writes the history line in the same transaction.
 */
@Entity
@Table(name = "request")
class Request extends AbstractAggregateRoot<Request> {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Generated
    @Column(insertable = false, updatable = false)
    private Integer numero;

    @Column(name = "offer_id")
    private long offerId;

    @Column(name = "collectivity_id")
    private long collectivityId;

    @Column(name = "referent_id")
    private Long referentId;

    @Column(name = "created_by")
    private long createdBy;

    @Column(name = "chef_de_file_id")
    private Long chefDeFileId;

    @Column(name = "responsable_id")
    private Long responsableId;
    /**
     * The offer's chef de file today, read with the request: processing belongs to them, not to whoever led the
     * offer when the request was filed ({@link #chefDeFileId}, kept to say who handled it).
     */
    @Formula("(SELECT o.chef_de_file_id FROM offer o WHERE o.id = offer_id)")
    private Long offerLeadId;

    @Enumerated(EnumType.STRING)
    private RequestStatus status;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    /** The status it left for « Compléments demandés », to go back to when they are transmitted (null otherwise). */
    @Enumerated(EnumType.STRING)
    @Column(name = "status_before_complements")
    private RequestStatus statusBeforeComplements;

    /** Since when it waits for compléments: its clock stopped then (null when it does not wait for any). */
    @Column(name = "complements_since")
    private Instant complementsSince;

    /** The last working day to answer it (leave En attente), moved forward by the time spent in Compléments demandés. */
    @Column(name = "answer_due")
    private LocalDate answerDue;

    /** The last working day to complete it; null when its offer has no completion target. */
    @Column(name = "completion_due")
    private LocalDate completionDue;

    /** The deadline running now (see {@link #runningDeadline}): what the list's « En retard » filter and sort read. */
    @Column(name = "due_on")
    private LocalDate dueOn;

    @Version
    private long version;

    protected Request() {}

    /** A new request, En attente; {@code chefDeFileId} leads the offer now. Save it, then announce it with {@link #filed}. */
    Request(long offerId, long collectivityId, Long referentId, long createdBy, Long chefDeFileId, Instant now) {
        this(
                offerId,
                collectivityId,
                referentId,
                createdBy,
                chefDeFileId,
                now,
                RequestDeadlines.DEFAULT_ANSWER_DAYS,
                null);
    }

    /**
     * A new request, En attente, due to be answered within {@code answerDays} working days of its filing and, if
     * {@code completionDays} is not null, completed within that many (its offer's targets).
     */
    Request(
            long offerId,
            long collectivityId,
            Long referentId,
            long createdBy,
            Long chefDeFileId,
            Instant now,
            int answerDays,
            Integer completionDays) {
        this.offerId = offerId;
        this.collectivityId = collectivityId;
        this.referentId = referentId;
        this.createdBy = createdBy;
        this.chefDeFileId = chefDeFileId;
        this.status = RequestStatus.EN_ATTENTE;
        this.createdAt = now;
        this.updatedAt = createdAt;
        LocalDate filedOn = day(now);
        this.answerDue = RequestDeadlines.due(filedOn, answerDays);
        this.completionDue = RequestDeadlines.due(filedOn, completionDays);
        this.dueOn = runningDeadline();
    }

    /**
     * Registers {@link RequestEvents.Filed} once the first save gave the request its id and number (both come from
     * the database, so the constructor cannot name them); {@code message} is its first message, may be empty.
     */
    void filed(String message) {
        Objects.requireNonNull(id, "save the request before announcing it");
        registerEvent(new RequestEvents.Filed(ref(chefDeFileId), createdBy, message));
    }

    // --- who may do what -------------------------------------------------------------------------

    boolean isMember(Actor actor) {
        return actor.collectivityId() != null && actor.collectivityId() == collectivityId;
    }

    private static boolean is(Actor actor, Long userId) {
        return actor.staff() && Long.valueOf(actor.userId()).equals(userId);
    }

    /** The offer's current chef de file or the request's responsable: the staff who process it. */
    boolean isHandler(Actor actor) {
        return is(actor, offerLeadId) || is(actor, responsableId);
    }

    /** Staff who handle it, and the chef de file who led it when it was filed or last moved (read only once the offer changed hands). */
    boolean canView(Actor actor) {
        return actor.admin() || isMember(actor) || isHandler(actor) || is(actor, chefDeFileId);
    }

    boolean canProcess(Actor actor) {
        return actor.admin() || isHandler(actor);
    }

    /** A member cancels a request nobody accepted yet: En attente, or waiting for compléments asked before accepting. */
    boolean canCancel(Actor actor) {
        return isMember(actor)
                && (status == RequestStatus.EN_ATTENTE
                        || (status == RequestStatus.COMPLEMENTS
                                && statusBeforeComplements == RequestStatus.EN_ATTENTE));
    }

    /** A member answers the compléments ID77 asked for: the request goes back to where it was. */
    boolean canTransmitComplements(Actor actor) {
        return isMember(actor) && status == RequestStatus.COMPLEMENTS;
    }

    boolean canChangeReferent(Actor actor) {
        return (isMember(actor) || actor.admin())
                && status != RequestStatus.SUPPRIMEE
                && status != RequestStatus.ANNULEE;
    }

    boolean canComment(Actor actor) {
        return (isMember(actor) || canProcess(actor)) && status != RequestStatus.SUPPRIMEE;
    }

    /** Internal notes are read by the ID77 staff who may see the request, never by its collectivity. */
    boolean canReadNotes(Actor actor) {
        return actor.staff() && canView(actor);
    }

    /** Notes are written by the staff who process the request, whatever its status (a deleted one included). */
    boolean canWriteNote(Actor actor) {
        return canProcess(actor);
    }

    /** The staff who process an open request may hand it to another staff member. */
    boolean canHandOver(Actor actor) {
        return canProcess(actor) && status.isOpen();
    }

    /** The statuses a processing actor may move this request to. */
    Set<RequestStatus> nextStatuses(Actor actor) {
        Set<RequestStatus> next = EnumSet.noneOf(RequestStatus.class);
        if (canProcess(actor)) {
            switch (status) {
                case EN_ATTENTE ->
                    next.addAll(Set.of(RequestStatus.EN_COURS, RequestStatus.COMPLEMENTS, RequestStatus.REJETEE));
                case EN_COURS ->
                    next.addAll(Set.of(RequestStatus.TERMINEE, RequestStatus.COMPLEMENTS, RequestStatus.REJETEE));
                case COMPLEMENTS -> next.add(RequestStatus.REJETEE);
                case TERMINEE, REJETEE -> next.add(RequestStatus.EN_COURS);
                default -> {}
            }
        }
        if (canCancel(actor)) {
            next.add(RequestStatus.ANNULEE);
        }
        if (actor.admin() && status != RequestStatus.SUPPRIMEE) {
            next.add(RequestStatus.SUPPRIMEE);
        }
        return next;
    }

    /**
     * Moves to {@code target} if {@code actor} may; a reason is required to reject, reopen and delete.
     * Returns the previous status.
     */
    RequestStatus moveTo(RequestStatus target, Actor actor, String reason, Instant now) {
        if (!canView(actor)) {
            throw RequestException.notFound();
        }
        if (!nextStatuses(actor).contains(target)) {
            throw new FieldRefusal(
                    "statut",
                    "Impossible de passer la demande de « " + status.getLabel() + " » à « " + target.getLabel()
                            + " ».");
        }
        boolean reasonRequired = target == RequestStatus.REJETEE
                || target == RequestStatus.COMPLEMENTS
                || target == RequestStatus.SUPPRIMEE
                || (target == RequestStatus.EN_COURS
                        && (status == RequestStatus.TERMINEE || status == RequestStatus.REJETEE));
        String why = reason == null || reason.isBlank() ? null : reason;
        if (reasonRequired && why == null) {
            throw new FieldRefusal(
                    "motif",
                    target == RequestStatus.COMPLEMENTS
                            ? "Indiquez les compléments attendus : ce message sera envoyé à la collectivité."
                            : "Indiquez le motif : il sera communiqué à la collectivité.");
        }
        return move(target, actor, why, now);
    }

    /**
     * {@code actor}, a member, transmits the compléments asked for ({@code note}: what was sent, may be null): the
     * request goes back to the status it left and its clock resumes. Returns that status.
     */
    RequestStatus transmitComplements(Actor actor, String note, Instant now) {
        if (!canView(actor)) {
            throw RequestException.notFound();
        }
        if (!canTransmitComplements(actor)) {
            throw new FieldRefusal(
                    "statut",
                    "Aucun complément n'est demandé sur cette demande : elle est « " + status.getLabel() + " ».");
        }
        RequestStatus back = statusBeforeComplements;
        move(back, actor, note == null || note.isBlank() ? null : note, now);
        return back;
    }

    /** The move itself, once allowed: the clock stops entering Compléments demandés and resumes leaving them. */
    private RequestStatus move(RequestStatus target, Actor actor, String why, Instant now) {
        RequestStatus from = status;
        if (from == RequestStatus.COMPLEMENTS) {
            LocalDate stopped = day(complementsSince);
            answerDue = RequestDeadlines.resumed(answerDue, stopped, day(now));
            completionDue = RequestDeadlines.resumed(completionDue, stopped, day(now));
            statusBeforeComplements = null;
            complementsSince = null;
        }
        if (target == RequestStatus.COMPLEMENTS) {
            statusBeforeComplements = from;
            complementsSince = now;
        }
        status = target;
        dueOn = runningDeadline();
        updatedAt = now;
        registerEvent(new RequestEvents.StatusChanged(ref(), actor.userId(), from, target, why));
        return from;
    }

    /** The deadline running in the current status: to answer while En attente, to complete while En cours, else none. */
    private LocalDate runningDeadline() {
        return switch (status) {
            case EN_ATTENTE -> answerDue;
            case EN_COURS -> completionDue;
            default -> null;
        };
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, TimeConfiguration.PARIS);
    }

    /** Names a responsable (or none) if {@code actor} processes the request; only active ID77 staff ({@code isStaff}) may be named. */
    void assignResponsable(Long userId, Actor actor, LongPredicate isStaff, Instant now) {
        if (!canProcess(actor)) {
            throw RequestException.forbidden();
        }
        if (userId != null && !isStaff.test(userId)) {
            throw new FieldRefusal("responsable", "Choisissez le responsable de la demande parmi les agents d'ID77.");
        }
        responsableId = userId;
        updatedAt = now;
        registerEvent(new RequestEvents.ResponsableChanged(ref(), actor.userId()));
    }

    /** The offer changed hands ({@code actorId}: the admin who decided it): an open request follows it to its new chef de file. */
    void followOfferLead(Long newChefDeFileId, long actorId, Instant now) {
        Long previous = chefDeFileId;
        chefDeFileId = newChefDeFileId;
        updatedAt = now;
        registerEvent(new RequestEvents.ChefDeFileChanged(ref(newChefDeFileId), actorId, previous));
    }

    /** Names another technical referent (or none); {@code accepted} is the one rule of {@link RequestParticipants#acceptsReferent}. */
    void changeReferent(Long newReferentId, Actor actor, LongPredicate accepted, Instant now) {
        if (!canChangeReferent(actor)) {
            throw RequestException.forbidden();
        }
        if (newReferentId != null && !accepted.test(newReferentId)) {
            throw new FieldRefusal("referent", RequestParticipants.REFERENT_REFUSED);
        }
        referentId = newReferentId;
        updatedAt = now;
        registerEvent(new RequestEvents.ReferentChanged(ref(), actor.userId(), newReferentId));
    }

    /**
     * Hands the request to {@code userId}, who becomes its responsable (and so processes it), for a required
     * {@code reason}; only active ID77 staff ({@code isStaff}) other than the present responsable may receive it.
     */
    void handOver(Long userId, String reason, Actor actor, LongPredicate isStaff, Instant now) {
        if (!canHandOver(actor)) {
            throw canProcess(actor)
                    ? RequestException.forbidden("Seule une demande « En attente » ou « En cours » peut être confiée.")
                    : RequestException.forbidden();
        }
        if (userId == null || !isStaff.test(userId)) {
            throw new FieldRefusal(HANDOVER_TO, "Choisissez l'agent parmi les agents actifs d'ID77.");
        }
        if (userId.equals(responsableId)) {
            throw new FieldRefusal(HANDOVER_TO, "La demande est déjà confiée à cet agent : choisissez-en un autre.");
        }
        if (reason == null || reason.isBlank()) {
            throw new FieldRefusal(HANDOVER_REASON, "Indiquez le motif : il restera dans l'historique de la demande.");
        }
        if (reason.length() > MAX_REASON) {
            throw new FieldRefusal(
                    HANDOVER_REASON, "Le motif dépasse " + MAX_REASON + " caractères : raccourcissez-le.");
        }
        Long previous = responsableId;
        responsableId = userId;
        updatedAt = now;
        registerEvent(new RequestEvents.HandedOver(ref(), actor.userId(), previous, reason.strip()));
    }

    /** The fields of the handover form, where its refusals are shown. */
    static final String HANDOVER_TO = "agent";

    static final String HANDOVER_REASON = "motifTransfert";

    static final int MAX_REASON = 2_000;

    /** {@code actor} wrote the internal note {@code noteId}, with {@code files} files (its own rows). */
    void noted(long noteId, String body, int files, Actor actor) {
        if (!canWriteNote(actor)) {
            throw RequestException.forbidden();
        }
        registerEvent(new RequestEvents.NoteWritten(ref(), actor.userId(), noteId, body, files));
    }

    /** {@code actor} wrote the comment {@code commentId} on the request (the comment itself is its own row). */
    void commented(long commentId, String body, Actor actor) {
        registerEvent(new RequestEvents.Commented(ref(), actor.userId(), commentId, !isMember(actor), body));
    }

    /** {@code actor} added {@code count} files to the request (they are their own rows). */
    void filesAdded(int count, Actor actor) {
        registerEvent(new RequestEvents.DocumentAdded(ref(), actor.userId(), count, !isMember(actor)));
    }

    /** The daily job reminds of this request (late, or waiting for compléments): told by the notifications. */
    void remind(RequestEvents.Reminder kind, LocalDate since, long workingDays) {
        registerEvent(new RequestEvents.ReminderDue(ref(), 0L, kind, status, since, workingDays));
    }

    /** The events registered since the last save, in order (they are published, then cleared, by the repository's save). */
    List<Object> registeredEvents() {
        return List.copyOf(domainEvents());
    }

    private RequestEvents.RequestRef ref() {
        return ref(offerLeadId);
    }

    /**
     * This request as its events name it, led by {@code lead} (the offer's chef de file: read with the request, or
     * known by the command when the request was just filed or followed the offer); id and number read 0 before the
     * first save (only in unit tests).
     */
    private RequestEvents.RequestRef ref(Long lead) {
        return new RequestEvents.RequestRef(
                id == null ? 0 : id,
                numero == null ? 0 : numero,
                offerId,
                collectivityId,
                lead,
                responsableId,
                referentId);
    }

    Long getId() {
        return id;
    }

    Integer getNumero() {
        return numero;
    }

    long getOfferId() {
        return offerId;
    }

    long getCollectivityId() {
        return collectivityId;
    }

    Long getReferentId() {
        return referentId;
    }

    long getCreatedBy() {
        return createdBy;
    }

    Long getChefDeFileId() {
        return chefDeFileId;
    }
    /** The offer's chef de file today: the one told of what happens on the request. */
    Long getOfferLeadId() {
        return offerLeadId;
    }

    Long getResponsableId() {
        return responsableId;
    }

    RequestStatus getStatus() {
        return status;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    long getVersion() {
        return version;
    }

    RequestStatus getStatusBeforeComplements() {
        return statusBeforeComplements;
    }

    Instant getComplementsSince() {
        return complementsSince;
    }

    LocalDate getAnswerDue() {
        return answerDue;
    }

    LocalDate getCompletionDue() {
        return completionDue;
    }

    LocalDate getDueOn() {
        return dueOn;
    }
}
