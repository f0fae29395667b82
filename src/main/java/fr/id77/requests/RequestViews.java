package fr.id77.requests;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A request as the people who may see it read it: its state with what the viewer may do, its timeline, its
 * thread and its files, as records (ids of other modules' objects, resolved by the web layer).
 */
@Service
public class RequestViews {

    /** A request as its page shows it. */
    public record RequestState(
            long id,
            int numero,
            long offerId,
            long collectivityId,
            Long referentId,
            long createdBy,
            Long chefDeFileId,
            Long responsableId,
            RequestStatus status,
            Instant createdAt,
            long version,
            Set<RequestStatus> nextStatuses,
            boolean canProcess,
            boolean canChangeReferent,
            boolean canComment,
            List<HistoryLine> history) {

        /** Whether the viewer may move the request to the status named {@code status} (for templates). */
        public boolean allows(String status) {
            return nextStatuses.stream().anyMatch(s -> s.name().equals(status));
        }
    }

    /** One comment of the thread. */
    public record CommentLine(long id, Long parentId, long authorId, boolean fromStaff, String body, Instant at) {}

    /** One line of the timeline. */
    public record HistoryLine(
            String kind, long actorId, RequestStatus from, RequestStatus to, String reason, Instant at) {}

    /** A file of a request as its page lists it. */
    public record AttachmentLine(
            long id,
            Long commentId,
            String fileName,
            String contentType,
            long sizeBytes,
            long uploadedBy,
            Instant at) {}

    private final RequestRepository requests;
    private final RequestHistoryRepository history;
    private final RequestCommentRepository comments;
    private final RequestAttachmentRepository attachments;

    RequestViews(
            RequestRepository requests,
            RequestHistoryRepository history,
            RequestCommentRepository comments,
            RequestAttachmentRepository attachments) {
        this.requests = requests;
        this.history = history;
        this.comments = comments;
        this.attachments = attachments;
    }

    @Transactional(readOnly = true)
    public RequestState view(int numero, Actor actor) {
        Request request = requests.visibleTo(numero, actor);
        List<HistoryLine> lines = history.findByRequestIdOrderByCreatedAtAscIdAsc(request.getId()).stream()
                .map(e -> new HistoryLine(
                        e.getKind().name(),
                        e.getActorId(),
                        e.getFromStatus(),
                        e.getToStatus(),
                        e.getReason(),
                        e.getCreatedAt()))
                .toList();
        return new RequestState(
                request.getId(),
                request.getNumero(),
                request.getOfferId(),
                request.getCollectivityId(),
                request.getReferentId(),
                request.getCreatedBy(),
                request.getChefDeFileId(),
                request.getResponsableId(),
                request.getStatus(),
                request.getCreatedAt(),
                request.getVersion(),
                request.nextStatuses(actor),
                request.canProcess(actor),
                request.canChangeReferent(actor),
                request.canComment(actor),
                lines);
    }

    /** The thread of a request, oldest first or newest first. */
    @Transactional(readOnly = true)
    public List<CommentLine> comments(int numero, boolean newestFirst, Actor actor) {
        Request request = requests.visibleTo(numero, actor);
        List<CommentLine> lines =
                new ArrayList<>(comments.findByRequestIdOrderByCreatedAtAscIdAsc(request.getId()).stream()
                        .map(c -> new CommentLine(
                                c.getId(),
                                c.getParentId(),
                                c.getAuthorId(),
                                c.isFromStaff(),
                                c.getBody(),
                                c.getCreatedAt()))
                        .toList());
        if (newestFirst) {
            Collections.reverse(lines);
        }
        return lines;
    }

    @Transactional(readOnly = true)
    public List<AttachmentLine> attachments(int numero, Actor actor) {
        Request request = requests.visibleTo(numero, actor);
        return attachments.findByRequestIdOrderByCreatedAtAscIdAsc(request.getId()).stream()
                .map(a -> new AttachmentLine(
                        a.getId(),
                        a.getCommentId(),
                        a.getFileName(),
                        a.getContentType(),
                        a.getSizeBytes(),
                        a.getUploadedBy(),
                        a.getCreatedAt()))
                .toList();
    }
}
