package fr.id77.requests;

import fr.id77.shared.web.FieldRefusal;
import fr.id77.shared.web.Versions;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What people add to a request once filed: messages (answers included) and files, each announced by the
 * {@link Request} aggregate (history line and notification) when saved.
 */
@Service
public class RequestConversation {

    /** The message answered is not one of the thread (a forged or outdated form). */
    static final String REPLY_UNKNOWN = "Le message auquel vous répondez n'existe pas sur cette demande.";

    private final RequestRepository requests;
    private final RequestCommentRepository comments;
    private final RequestFiles files;
    private final RequestParticipants participants;
    private final FormTokens tokens;

    private final Clock clock;

    RequestConversation(
            RequestRepository requests,
            RequestCommentRepository comments,
            RequestFiles files,
            RequestParticipants participants,
            FormTokens tokens,
            Clock clock) {
        this.clock = clock;
        this.requests = requests;
        this.comments = comments;
        this.files = files;
        this.participants = participants;
        this.tokens = tokens;
    }

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
    public long comment(int numero, String body, Long parentId, List<IncomingFile> incoming, Actor actor, UUID token) {
        Request request = requests.visibleTo(numero, actor);
        Optional<Long> already = tokens.commentPostedWith(actor.userId(), token);
        if (already.isPresent()) {
            return already.get();
        }
        if (!request.canComment(actor)) {
            throw RequestException.forbidden();
        }
        participants.requireActiveCollectivity(actor);
        String text = body == null ? "" : body;
        if (text.isBlank()) {
            throw new FieldRefusal("message", "Écrivez votre message avant de l'envoyer.");
        }
        if (text.length() > RequestWorkflow.MAX_COMMENT) {
            throw new FieldRefusal(
                    "message",
                    "Votre message dépasse " + RequestWorkflow.MAX_COMMENT + " caractères : raccourcissez-le.");
        }
        if (parentId != null
                && comments.findByIdAndRequestIdAndInternalFalse(parentId, request.getId())
                        .isEmpty()) {
            throw new FieldRefusal("repondA", REPLY_UNKNOWN);
        }
        RequestComment comment = comments.save(new RequestComment(
                request.getId(), parentId, actor.userId(), !request.isMember(actor), text, clock.instant()));
        tokens.claimComment(comment.getId(), token);
        request.commented(comment.getId(), text, actor);
        addFiles(request, comment.getId(), incoming, actor);
        requests.save(request);
        return comment.getId();
    }

    /**
     * Adds an internal note, possibly with files, all or nothing: staff who process the request write it, staff who
     * may see the request read it, the collectivity never; the same form {@code token} posted again returns the first
     * note. Returns its id.
     */
    @Transactional
    public long note(int numero, String body, List<IncomingFile> incoming, Actor actor, UUID token) {
        Request request = requests.visibleTo(numero, actor);
        if (!request.canWriteNote(actor)) {
            throw RequestException.forbidden();
        }
        Optional<Long> already = tokens.commentPostedWith(actor.userId(), token);
        if (already.isPresent()) {
            return already.get();
        }
        String text = body == null ? "" : body;
        if (text.isBlank()) {
            throw new FieldRefusal(NOTE_FIELD, "Écrivez la note avant de l'enregistrer.");
        }
        if (text.length() > RequestWorkflow.MAX_COMMENT) {
            throw new FieldRefusal(
                    NOTE_FIELD, "La note dépasse " + RequestWorkflow.MAX_COMMENT + " caractères : raccourcissez-la.");
        }
        RequestComment note =
                comments.save(RequestComment.note(request.getId(), actor.userId(), text, clock.instant()));
        tokens.claimComment(note.getId(), token);
        int count = files.attach(request.getId(), note.getId(), incoming, actor.userId(), true);
        request.noted(note.getId(), text, count, actor);
        requests.save(request);
        return note.getId();
    }

    /** The field of the note form, where its refusals are shown. */
    static final String NOTE_FIELD = "note";

    /** Adds files to a request on their own. */
    @Transactional
    public int attach(int numero, List<IncomingFile> incoming, Actor actor) {
        Request request = requests.visibleTo(numero, actor);
        if (!request.canComment(actor)) {
            throw RequestException.forbidden();
        }
        participants.requireActiveCollectivity(actor);
        int count = addFiles(request, null, incoming, actor);
        if (count == 0) {
            throw new FieldRefusal("fichiers", "Choisissez au moins un fichier à joindre.");
        }
        requests.save(request);
        return count;
    }

    /** Refusal of a transmission that carries nothing. */
    static final String COMPLEMENTS_EMPTY =
            "Écrivez votre réponse ou joignez au moins un fichier avant de transmettre les compléments.";

    /**
     * A member transmits the compléments ID77 asked for: its answer (a message of the thread) and/or files, then the
     * request goes back to the status it left, with its clock resumed; all or nothing, provided nobody changed the
     * request since {@code expectedVersion}. One history line and one notification tell it (the status change, which
     * carries the answer): not three (message, files, status) for one action.
     */
    @Transactional
    public RequestStatus transmitComplements(
            int numero, String body, List<IncomingFile> incoming, long expectedVersion, Actor actor) {
        Request request = requests.visibleTo(numero, actor);
        Versions.requireCurrent(expectedVersion, request.getVersion(), Request.class, request.getId());
        if (!request.canTransmitComplements(actor)) {
            throw RequestException.forbidden();
        }
        participants.requireActiveCollectivity(actor);
        String text = body == null ? "" : body.strip();
        if (text.length() > RequestWorkflow.MAX_COMMENT) {
            throw new FieldRefusal(
                    "reponse",
                    "Votre réponse dépasse " + RequestWorkflow.MAX_COMMENT + " caractères : raccourcissez-la.");
        }
        if (text.isEmpty() && incoming.isEmpty()) {
            throw new FieldRefusal("reponse", COMPLEMENTS_EMPTY);
        }
        Long commentId = text.isEmpty()
                ? null
                : comments.save(new RequestComment(request.getId(), null, actor.userId(), false, text, clock.instant()))
                        .getId();
        int count = files.attach(request.getId(), commentId, incoming, actor.userId());
        String joined = count == 0 ? "" : count == 1 ? "1 fichier joint" : count + " fichiers joints";
        String note = text.isEmpty() ? joined : joined.isEmpty() ? text : text + " (" + joined + ")";
        RequestStatus back = request.transmitComplements(actor, note, clock.instant());
        requests.saveAndFlush(request);
        return back;
    }

    private int addFiles(Request request, Long commentId, List<IncomingFile> incoming, Actor actor) {
        int count = files.attach(request.getId(), commentId, incoming, actor.userId());
        if (count > 0) {
            request.filesAdded(count, actor);
        }
        return count;
    }
}
