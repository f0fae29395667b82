package fr.id77.requests;

import fr.id77.account.Accounts;
import fr.id77.catalog.OfferLeadChanged;
import fr.id77.membership.Collectivities;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files requests and moves them through their statuses. Every change is checked against the actor,
 * written to the history and published as an application event, in one transaction.
 */
@Service
public class RequestService {

    /** A request as its page shows it (ids of other modules' objects, resolved by the web layer). */
    public record RequestState(long id, int numero, long offerId, long collectivityId, Long referentId, long createdBy,
                               Long chefDeFileId, Long responsableId, RequestStatus status, Instant createdAt,
                               long version, Set<RequestStatus> nextStatuses, boolean canProcess,
                               boolean canChangeReferent, boolean canComment, List<HistoryLine> history) {

        /** Whether the viewer may move the request to the status named {@code status} (for templates). */
        public boolean allows(String status) {
            return nextStatuses.stream().anyMatch(s -> s.name().equals(status));
        }
    }

    /** One comment of the thread. */
    public record CommentLine(long id, Long parentId, long authorId, boolean fromStaff, String body, Instant at) {
    }

    /** One line of the timeline. */
    public record HistoryLine(String kind, long actorId, RequestStatus from, RequestStatus to, String reason, Instant at) {
    }

    private final RequestRepository requests;
    private final RequestEventRepository history;
    private final RequestCommentRepository comments;
    private final RequestAttachmentRepository attachments;
    private final RequestFiles files;
    private final ApplicationEventPublisher events;
    private final Collectivities collectivities;
    private final Accounts accounts;
    private final FormTokens tokens;
    private final Clock clock;

    RequestService(RequestRepository requests, RequestEventRepository history, RequestCommentRepository comments,
                   RequestAttachmentRepository attachments, RequestFiles files, ApplicationEventPublisher events,
                   Collectivities collectivities, Accounts accounts, FormTokens tokens, Clock clock) {
        this.requests = requests;
        this.history = history;
        this.comments = comments;
        this.attachments = attachments;
        this.files = files;
        this.events = events;
        this.collectivities = collectivities;
        this.accounts = accounts;
        this.tokens = tokens;
        this.clock = clock;
    }

    static final String REFERENT_REFUSED = "Choisissez le référent technique parmi les référents de la collectivité.";
    static final String COLLECTIVITY_INACTIVE = "L'adhésion de votre collectivité n'est pas active : vous ne pouvez ni déposer "
            + "de demande, ni écrire de message, ni joindre de fichier. Contactez ID77.";

    /**
     * The one rule for a request's technical referent, at filing and when it changes: a referent of the request's
     * own collectivity still in place. Another collectivity's id answers like an unknown one.
     */
    boolean acceptsReferent(long collectivityId, Long referentId) {
        return referentId != null && collectivities.isActiveReferent(collectivityId, referentId);
    }

    /** Members act (file, comment, upload) only while their collectivity's adhesion is active; staff are not concerned. */
    private void requireActiveCollectivity(Actor actor) {
        if (actor.collectivityId() != null && !collectivities.isActive(actor.collectivityId())) {
            throw RequestException.forbidden(COLLECTIVITY_INACTIVE);
        }
    }

    /** A file of a request as its page lists it. */
    public record AttachmentLine(long id, Long commentId, String fileName, String contentType, long sizeBytes, long uploadedBy,
                                 Instant at) {
    }

    /** A file opened for download, after the authorization check. */
    public record OpenedAttachment(String fileName, String contentType, long sizeBytes, java.io.InputStream content) {
    }

    /** Why these files would be refused (one French sentence per file); empty when they are all fine. */
    public List<String> fileProblems(List<IncomingFile> incoming) {
        return files.problems(incoming);
    }

    /** Adds files to a request on their own. */
    @Transactional
    public int attach(int numero, List<IncomingFile> incoming, Actor actor) {
        Request request = visible(numero, actor);
        if (!request.canComment(actor)) {
            throw RequestException.forbidden();
        }
        requireActiveCollectivity(actor);
        int count = addFiles(request, null, incoming, actor);
        if (count == 0) {
            throw RequestException.invalid("Choisissez au moins un fichier à joindre.");
        }
        return count;
    }

    private int addFiles(Request request, Long commentId, List<IncomingFile> incoming, Actor actor) {
        int count = files.attach(request.getId(), commentId, incoming, actor.userId());
        if (count > 0) {
            boolean fromStaff = !request.isMember(actor);
            history.save(new RequestEvent(request.getId(), RequestEvent.Kind.ATTACHMENT, actor.userId(), null, null,
                    count == 1 ? "1 fichier" : count + " fichiers", clock.instant()));
            events.publishEvent(new RequestEvents.DocumentAdded(request.getId(), request.getNumero(), request.getOfferId(), count,
                    actor.userId(), fromStaff, request.getCollectivityId(), request.getOfferLeadId(), request.getResponsableId()));
        }
        return count;
    }

    @Transactional(readOnly = true)
    public List<AttachmentLine> attachments(int numero, Actor actor) {
        Request request = visible(numero, actor);
        return attachments.findByRequestIdOrderByCreatedAtAscIdAsc(request.getId()).stream()
                .map(a -> new AttachmentLine(a.getId(), a.getCommentId(), a.getFileName(), a.getContentType(), a.getSizeBytes(),
                        a.getUploadedBy(), a.getCreatedAt()))
                .toList();
    }

    /** Opens a file of a request the actor may see; another request's file id is « not found ». */
    @Transactional(readOnly = true)
    public OpenedAttachment open(int numero, long attachmentId, Actor actor) throws java.io.IOException {
        Request request = visible(numero, actor);
        RequestAttachment attachment = attachments.findById(attachmentId)
                .filter(a -> a.getRequestId() == request.getId())
                .orElseThrow(RequestException::notFound);
        return new OpenedAttachment(attachment.getFileName(), attachment.getContentType(), attachment.getSizeBytes(),
                files.open(attachment));
    }

    static final int MAX_COMMENT = 10_000;

    /** Adds a comment (an answer when {@code parentId} names a comment of the same request); returns its id. */
    @Transactional
    public long comment(int numero, String body, Long parentId, Actor actor) {
        return comment(numero, body, parentId, List.of(), actor);
    }

    /** Adds a comment, possibly with files, all or nothing; returns its id. */
    @Transactional
    public long comment(int numero, String body, Long parentId, List<IncomingFile> incoming, Actor actor) {
        return comment(numero, body, parentId, incoming, actor, null);
    }

    /** Like {@link #comment(int, String, Long, List, Actor)}; the same form {@code token} posted again returns the first comment. */
    @Transactional
    public long comment(int numero, String body, Long parentId, List<IncomingFile> incoming, Actor actor, java.util.UUID token) {
        Request request = visible(numero, actor);
        java.util.Optional<Long> already = tokens.commentPostedWith(actor.userId(), token);
        if (already.isPresent()) {
            return already.get();
        }
        if (!request.canComment(actor)) {
            throw RequestException.forbidden();
        }
        requireActiveCollectivity(actor);
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw RequestException.invalid("Écrivez votre message avant de l'envoyer.");
        }
        if (text.length() > MAX_COMMENT) {
            throw RequestException.invalid("Votre message dépasse " + MAX_COMMENT + " caractères : raccourcissez-le.");
        }
        if (parentId != null && comments.findByIdAndRequestId(parentId, request.getId()).isEmpty()) {
            throw RequestException.invalid("Le message auquel vous répondez n'existe pas sur cette demande.");
        }
        boolean fromStaff = !request.isMember(actor);
        RequestComment comment = comments.save(new RequestComment(request.getId(), parentId, actor.userId(), fromStaff, text, clock.instant()));
        tokens.claimComment(comment.getId(), token);
        history.save(new RequestEvent(request.getId(), RequestEvent.Kind.COMMENT, actor.userId(), null, null, null, clock.instant()));
        events.publishEvent(new RequestEvents.Commented(request.getId(), numero, request.getOfferId(), comment.getId(), actor.userId(),
                fromStaff, request.getCollectivityId(), request.getOfferLeadId(), request.getResponsableId(), text));
        addFiles(request, comment.getId(), incoming, actor);
        return comment.getId();
    }

    /** The thread of a request, oldest first or newest first. */
    @Transactional(readOnly = true)
    public List<CommentLine> comments(int numero, boolean newestFirst, Actor actor) {
        Request request = visible(numero, actor);
        List<CommentLine> lines = new java.util.ArrayList<>(comments.findByRequestIdOrderByCreatedAtAscIdAsc(request.getId()).stream()
                .map(c -> new CommentLine(c.getId(), c.getParentId(), c.getAuthorId(), c.isFromStaff(), c.getBody(), c.getCreatedAt()))
                .toList());
        if (newestFirst) {
            java.util.Collections.reverse(lines);
        }
        return lines;
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
    public int file(Actor actor, long offerId, Long chefDeFileId, Long referentId, String message, List<IncomingFile> incoming) {
        return file(actor, offerId, chefDeFileId, referentId, message, incoming, null);
    }

    /** Like {@link #file(Actor, long, Long, Long, String, List)}; the same form {@code token} filed again returns the first request. */
    @Transactional
    public int file(Actor actor, long offerId, Long chefDeFileId, Long referentId, String message, List<IncomingFile> incoming,
                    java.util.UUID token) {
        if (actor.collectivityId() == null) {
            throw RequestException.forbidden();
        }
        requireActiveCollectivity(actor);
        java.util.Optional<Integer> already = tokens.requestFiledWith(actor.userId(), token);
        if (already.isPresent()) {
            return already.get();
        }
        if (!acceptsReferent(actor.collectivityId(), referentId)) {
            throw RequestException.invalid(REFERENT_REFUSED);
        }
        String text = message == null ? "" : message.strip();
        if (text.length() > MAX_COMMENT) {
            throw RequestException.invalid("Votre message dépasse " + MAX_COMMENT + " caractères : raccourcissez-le.");
        }
        Request request = requests.saveAndFlush(new Request(offerId, actor.collectivityId(), referentId, actor.userId(), chefDeFileId, clock.instant()));
        tokens.claimRequest(request.getId(), token);
        history.save(new RequestEvent(request.getId(), RequestEvent.Kind.CREATED, actor.userId(), null, RequestStatus.EN_ATTENTE, null, clock.instant()));
        Long commentId = text.isEmpty() ? null
                : comments.save(new RequestComment(request.getId(), null, actor.userId(), false, text, clock.instant())).getId();
        files.attach(request.getId(), commentId, incoming, actor.userId());
        events.publishEvent(new RequestEvents.Filed(request.getId(), request.getNumero(), offerId, actor.collectivityId(),
                actor.userId(), chefDeFileId, text));
        return request.getNumero();
    }

    @Transactional(readOnly = true)
    public RequestState view(int numero, Actor actor) {
        Request request = visible(numero, actor);
        List<HistoryLine> lines = history.findByRequestIdOrderByCreatedAtAscIdAsc(request.getId()).stream()
                .map(e -> new HistoryLine(e.getKind().name(), e.getActorId(), e.getFromStatus(), e.getToStatus(), e.getReason(),
                        e.getCreatedAt()))
                .toList();
        return new RequestState(request.getId(), request.getNumero(), request.getOfferId(), request.getCollectivityId(),
                request.getReferentId(), request.getCreatedBy(), request.getChefDeFileId(), request.getResponsableId(),
                request.getStatus(), request.getCreatedAt(), request.getVersion(), request.nextStatuses(actor),
                request.canProcess(actor), request.canChangeReferent(actor), request.canComment(actor), lines);
    }

    /** Moves a request to {@code target}, provided nobody changed it since {@code expectedVersion}. */
    @Transactional
    public void changeStatus(int numero, RequestStatus target, String reason, long expectedVersion, Actor actor) {
        Request request = current(numero, expectedVersion, actor);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        RequestStatus from = request.moveTo(target, actor, why, clock.instant());
        flush(request);
        history.save(new RequestEvent(request.getId(), RequestEvent.Kind.STATUS, actor.userId(), from, target, why, clock.instant()));
        events.publishEvent(new RequestEvents.StatusChanged(request.getId(), numero, request.getOfferId(), from, target,
                actor.userId(), why, request.getCollectivityId(), request.getOfferLeadId(), request.getResponsableId()));
    }

    @Transactional
    public void assignResponsable(int numero, Long responsableId, long expectedVersion, Actor actor) {
        Request request = current(numero, expectedVersion, actor);
        request.assignResponsable(responsableId, actor, accounts::isActiveStaff, clock.instant());
        flush(request);
        history.save(new RequestEvent(request.getId(), RequestEvent.Kind.RESPONSABLE, actor.userId(), null, null, null, clock.instant()));
        events.publishEvent(new RequestEvents.ResponsableChanged(request.getId(), numero, request.getOfferId(), actor.userId(),
                request.getCollectivityId(), responsableId));
    }

    @Transactional
    public void changeReferent(int numero, Long referentId, long expectedVersion, Actor actor) {
        Request request = current(numero, expectedVersion, actor);
        request.changeReferent(referentId, actor, id -> acceptsReferent(request.getCollectivityId(), id), clock.instant());
        flush(request);
        history.save(new RequestEvent(request.getId(), RequestEvent.Kind.REFERENT, actor.userId(), null, null, null, clock.instant()));
        events.publishEvent(new RequestEvents.ReferentChanged(request.getId(), numero, request.getOfferId(), actor.userId(),
                request.getCollectivityId(), request.getOfferLeadId(), request.getResponsableId(), referentId));
    }

    /**
     * An admin gave the offer another chef de file: its open requests (En attente, En cours) that its previous
     * chef de file led follow it, each with a history line and an event; closed ones keep who handled them.
     */
    @EventListener
    @Transactional
    void offerChangedHands(OfferLeadChanged change) {
        for (Request request : requests.findByOfferIdAndStatusIn(change.offerId(), EnumSet.of(RequestStatus.EN_ATTENTE, RequestStatus.EN_COURS))) {
            if (!Objects.equals(request.getChefDeFileId(), change.previousChefDeFileId())) {
                continue; // already given to someone else by hand
            }
            request.followOfferLead(change.chefDeFileId(), clock.instant());
            flush(request);
            history.save(new RequestEvent(request.getId(), RequestEvent.Kind.CHEF_DE_FILE, change.actorId(), null, null, null, clock.instant()));
            events.publishEvent(new RequestEvents.ChefDeFileChanged(request.getId(), request.getNumero(), request.getOfferId(),
                    change.actorId(), request.getCollectivityId(), change.previousChefDeFileId(), change.chefDeFileId()));
        }
    }

    private Request visible(int numero, Actor actor) {
        Request request = requests.findByNumero(numero).orElseThrow(RequestException::notFound);
        if (!request.canView(actor)) {
            // the same answer as for a missing request: nobody learns which numbers exist elsewhere
            throw RequestException.notFound();
        }
        return request;
    }

    private Request current(int numero, long expectedVersion, Actor actor) {
        Request request = visible(numero, actor);
        if (request.getVersion() != expectedVersion) {
            throw RequestException.modifiedMeanwhile();
        }
        return request;
    }

    private void flush(Request request) {
        try {
            requests.saveAndFlush(request);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw RequestException.modifiedMeanwhile();
        }
    }
}
