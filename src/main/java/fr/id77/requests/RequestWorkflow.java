package fr.id77.requests;

import fr.id77.account.Accounts;
import fr.id77.catalogue.OfferLeadChanged;
import fr.id77.catalogue.Offers;
import fr.id77.shared.web.FieldRefusal;
import fr.id77.shared.web.Versions;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files requests and moves them through their statuses and contacts. Each command loads the request, lets the
 * {@link Request} aggregate check the actor and register its event, and saves it through the repository, which
 * publishes the event (history, notifications) in the same transaction.
 */
@Service
public class RequestWorkflow {

    static final int MAX_COMMENT = 10_000;

    private final RequestRepository requests;
    private final RequestCommentRepository comments;
    private final RequestFiles files;
    private final RequestParticipants participants;
    private final Accounts accounts;
    private final FormTokens tokens;
    private final Offers offers;
    private final Clock clock;

    RequestWorkflow(
            RequestRepository requests,
            RequestCommentRepository comments,
            RequestFiles files,
            RequestParticipants participants,
            Accounts accounts,
            FormTokens tokens,
            Offers offers,
            Clock clock) {
        this.offers = offers;
        this.requests = requests;
        this.comments = comments;
        this.files = files;
        this.participants = participants;
        this.accounts = accounts;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public boolean hasOpenRequest(long offerId, long collectivityId) {
        return requests.hasOpenRequest(offerId, collectivityId);
    }

    /** Files a request as En attente; returns its number. */
    @Transactional
    public int file(Actor actor, long offerId, Long chefDeFileId, Long referentId) {
        return file(actor, offerId, chefDeFileId, referentId, null, List.of());
    }

    /**
     * Files a request as En attente with its message to the chef de file (which becomes the first comment)
     * and its files; all or nothing. Returns its number.
     */
    @Transactional
    public int file(
            Actor actor,
            long offerId,
            Long chefDeFileId,
            Long referentId,
            String message,
            List<IncomingFile> incoming) {
        return file(actor, offerId, chefDeFileId, referentId, message, incoming, null);
    }

    /** Like {@link #file(Actor, long, Long, Long, String, List)}; the same form {@code token} filed again returns the first request. */
    @Transactional
    public int file(
            Actor actor,
            long offerId,
            Long chefDeFileId,
            Long referentId,
            String message,
            List<IncomingFile> incoming,
            UUID token) {
        if (actor.collectivityId() == null) {
            throw RequestException.forbidden();
        }
        participants.requireActiveCollectivity(actor);
        Optional<Integer> already = tokens.requestFiledWith(actor.userId(), token);
        if (already.isPresent()) {
            return already.get();
        }
        if (!participants.acceptsReferent(actor.collectivityId(), referentId)) {
            throw new FieldRefusal("referent", RequestParticipants.REFERENT_REFUSED);
        }
        String text = message == null ? "" : message;
        if (text.length() > MAX_COMMENT) {
            throw new FieldRefusal(
                    "message", "Votre message dépasse " + MAX_COMMENT + " caractères : raccourcissez-le.");
        }
        Offers.OfferRef offer = offers.references().stream()
                .filter(o -> o.id() == offerId)
                .findFirst()
                .orElseThrow(RequestException::notFound);
        Request request = requests.saveAndFlush(new Request(
                offerId,
                actor.collectivityId(),
                referentId,
                actor.userId(),
                chefDeFileId,
                clock.instant(),
                offer.answerDays(),
                offer.completionDays()));
        tokens.claimRequest(request.getId(), token);
        Long commentId = text.isEmpty()
                ? null
                : comments.save(new RequestComment(
                                request.getId(), null, actor.userId(), false, text, request.getCreatedAt()))
                        .getId();
        files.attach(request.getId(), commentId, incoming, actor.userId());
        request.filed(text);
        requests.save(request);
        return request.getNumero();
    }

    /** Moves a request to {@code target}, provided nobody changed it since {@code expectedVersion}. */
    @Transactional
    public void changeStatus(int numero, RequestStatus target, String reason, long expectedVersion, Actor actor) {
        Request request = current(numero, expectedVersion, actor);
        request.moveTo(target, actor, reason, clock.instant());
        requests.saveAndFlush(request);
    }

    @Transactional
    public void assignResponsable(int numero, Long responsableId, long expectedVersion, Actor actor) {
        Request request = current(numero, expectedVersion, actor);
        request.assignResponsable(responsableId, actor, accounts::isActiveStaff, clock.instant());
        requests.saveAndFlush(request);
    }

    @Transactional
    public void changeReferent(int numero, Long referentId, long expectedVersion, Actor actor) {
        Request request = current(numero, expectedVersion, actor);
        request.changeReferent(
                referentId,
                actor,
                id -> participants.acceptsReferent(request.getCollectivityId(), id),
                clock.instant());
        requests.saveAndFlush(request);
    }

    /**
     * An admin gave the offer another chef de file: its open requests (En attente, En cours, Compléments demandés) that its previous
     * chef de file led follow it, each with a history line and an event; closed ones keep who handled them.
     */
    @EventListener
    @Transactional
    void offerChangedHands(OfferLeadChanged change) {
        Instant now = clock.instant();
        for (Request request : requests.findByOfferIdAndStatusIn(
                change.offerId(),
                EnumSet.of(RequestStatus.EN_ATTENTE, RequestStatus.EN_COURS, RequestStatus.COMPLEMENTS))) {
            if (!Objects.equals(request.getChefDeFileId(), change.previousChefDeFileId())) {
                continue; // already given to someone else by hand
            }
            request.followOfferLead(change.chefDeFileId(), change.actorId(), now);
            requests.saveAndFlush(request);
        }
    }

    /** The request, provided the actor sees it and nobody saved it since the form's {@code expectedVersion}. */
    private Request current(int numero, long expectedVersion, Actor actor) {
        Request request = requests.visibleTo(numero, actor);
        Versions.requireCurrent(expectedVersion, request.getVersion(), Request.class, request.getId());
        return request;
    }
}
