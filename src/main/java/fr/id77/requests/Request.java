package fr.id77.requests;

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
import java.util.EnumSet;
import java.util.Set;
import java.util.function.LongPredicate;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.Generated;

/**
 * A request filed by a collectivity on an offer. Its status only changes through the transition
 * methods, which enforce who may do what from which status.
 */
@Entity
@Table(name = "request")
class Request {

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
    @Version
    private long version;

    protected Request() {
    }

    Request(long offerId, long collectivityId, Long referentId, long createdBy, Long chefDeFileId, Instant now) {
        this.offerId = offerId;
        this.collectivityId = collectivityId;
        this.referentId = referentId;
        this.createdBy = createdBy;
        this.chefDeFileId = chefDeFileId;
        this.status = RequestStatus.EN_ATTENTE;
        this.createdAt = now;
        this.updatedAt = createdAt;
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

    boolean canCancel(Actor actor) {
        return isMember(actor) && status == RequestStatus.EN_ATTENTE;
    }

    boolean canChangeReferent(Actor actor) {
        return (isMember(actor) || actor.admin()) && status != RequestStatus.SUPPRIMEE && status != RequestStatus.ANNULEE;
    }

    boolean canComment(Actor actor) {
        return (isMember(actor) || canProcess(actor)) && status != RequestStatus.SUPPRIMEE;
    }

    /** The statuses a processing actor may move this request to. */
    Set<RequestStatus> nextStatuses(Actor actor) {
        Set<RequestStatus> next = EnumSet.noneOf(RequestStatus.class);
        if (canProcess(actor)) {
            switch (status) {
                case EN_ATTENTE -> next.addAll(Set.of(RequestStatus.EN_COURS, RequestStatus.REJETEE));
                case EN_COURS -> next.addAll(Set.of(RequestStatus.TERMINEE, RequestStatus.REJETEE));
                case TERMINEE, REJETEE -> next.add(RequestStatus.EN_COURS);
                default -> { }
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
            throw RequestException.invalid("Impossible de passer la demande de « " + status.getLabel() + " » à « "
                    + target.getLabel() + " ».");
        }
        boolean reasonRequired = target == RequestStatus.REJETEE || target == RequestStatus.SUPPRIMEE
                || (target == RequestStatus.EN_COURS && (status == RequestStatus.TERMINEE || status == RequestStatus.REJETEE));
        if (reasonRequired && (reason == null || reason.isBlank())) {
            throw RequestException.invalid("Indiquez le motif : il sera communiqué à la collectivité.");
        }
        RequestStatus from = status;
        status = target;
        updatedAt = now;
        return from;
    }

    /** Names a responsable (or none) if {@code actor} processes the request; only active ID77 staff ({@code isStaff}) may be named. */
    void assignResponsable(Long userId, Actor actor, LongPredicate isStaff, Instant now) {
        if (!canProcess(actor)) {
            throw RequestException.forbidden();
        }
        if (userId != null && !isStaff.test(userId)) {
            throw RequestException.invalid("Choisissez le responsable de la demande parmi les agents d'ID77.");
        }
        responsableId = userId;
        updatedAt = now;
    }

    /** The offer changed hands: an open request follows it to its new chef de file (an admin's decision). */
    void followOfferLead(Long newChefDeFileId, Instant now) {
        chefDeFileId = newChefDeFileId;
        updatedAt = now;
    }

    /** Names another technical referent (or none); {@code accepted} is the one rule of {@link RequestService#acceptsReferent}. */
    void changeReferent(Long newReferentId, Actor actor, LongPredicate accepted, Instant now) {
        if (!canChangeReferent(actor)) {
            throw RequestException.forbidden();
        }
        if (newReferentId != null && !accepted.test(newReferentId)) {
            throw RequestException.invalid(RequestService.REFERENT_REFUSED);
        }
        referentId = newReferentId;
        updatedAt = now;
    }

    Long getId() { return id; }
    Integer getNumero() { return numero; }
    long getOfferId() { return offerId; }
    long getCollectivityId() { return collectivityId; }
    Long getReferentId() { return referentId; }
    long getCreatedBy() { return createdBy; }
    Long getChefDeFileId() { return chefDeFileId; }
    /** The offer's chef de file today: the one told of what happens on the request. */
    Long getOfferLeadId() { return offerLeadId; }
    Long getResponsableId() { return responsableId; }
    RequestStatus getStatus() { return status; }
    Instant getCreatedAt() { return createdAt; }
    Instant getUpdatedAt() { return updatedAt; }
    long getVersion() { return version; }
}
