package fr.id77.requests;

import fr.id77.shared.time.TimeConfiguration;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
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
            List<HistoryLine> history,
            boolean canTransmitComplements,
            RequestStatus statusBeforeComplements,
            Deadline deadline,
            boolean canReadNotes,
            boolean canWriteNote,
            boolean canHandOver) {

        /** What ID77 asked for when it moved the request to « Compléments demandés » (the last time): that history line. */
        public HistoryLine complementsAsked() {
            return history.reversed().stream()
                    .filter(h -> h.to() == RequestStatus.COMPLEMENTS)
                    .findFirst()
                    .orElse(null);
        }

        /** Whether the viewer may move the request to the status named {@code status} (for templates). */
        public boolean allows(String status) {
            return nextStatuses.stream().anyMatch(s -> s.name().equals(status));
        }
    }

    /**
     * A request's deadlines as its page tells them: the last day to answer it and to complete it (null: none), the
     * deadline running in its status ({@code dueOn}: null when the clock is stopped or nothing is due any more) and
     * how many working days it is late on it (0: on time).
     */
    public record Deadline(LocalDate answerDue, LocalDate completionDue, LocalDate dueOn, long lateDays) {
        public boolean late() {
            return lateDays > 0;
        }
    }

    /** One comment of the thread. */
    public record CommentLine(long id, Long parentId, long authorId, boolean fromStaff, String body, Instant at) {}

    /**
     * One line of the timeline; {@code subjectId}: who it is about, when not its actor (a handover: who received the
     * request). For the collectivity, internal notes are left out and a handover's reason is empty.
     */
    public record HistoryLine(
            String kind,
            long actorId,
            RequestStatus from,
            RequestStatus to,
            String reason,
            Instant at,
            Long subjectId) {}

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
    private final JdbcClient jdbc;
    private final Clock clock;

    RequestViews(RequestRepository requests, JdbcClient jdbc, Clock clock) {
        this.requests = requests;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public RequestState view(int numero, Actor actor) {
        Request request = requests.visibleTo(numero, actor);
        boolean staffSide = request.canReadNotes(actor);
        List<HistoryLine> lines = jdbc.sql("""
                        SELECT kind, actor_id, from_status, to_status, reason, created_at, subject_id FROM request_event
                        WHERE request_id = :id AND (:staff OR kind <> 'NOTE') ORDER BY created_at, id""")
                .param("id", request.getId())
                .param("staff", staffSide)
                .query((rs, row) -> new HistoryLine(
                        rs.getString(1),
                        rs.getLong(2),
                        status(rs.getString(3)),
                        status(rs.getString(4)),
                        staffSide || !"HANDOVER".equals(rs.getString(1)) ? rs.getString(5) : null,
                        instant(rs, 6),
                        (Long) rs.getObject(7)))
                .list();
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
                lines,
                request.canTransmitComplements(actor),
                request.getStatusBeforeComplements(),
                new Deadline(
                        request.getAnswerDue(),
                        request.getCompletionDue(),
                        request.getDueOn(),
                        RequestDeadlines.lateBy(
                                request.getDueOn(), LocalDate.now(clock.withZone(TimeConfiguration.PARIS)))),
                staffSide,
                request.canWriteNote(actor),
                request.canHandOver(actor));
    }

    /** The thread of a request, oldest first or newest first. */
    @Transactional(readOnly = true)
    public List<CommentLine> comments(int numero, boolean newestFirst, Actor actor) {
        return comments(requests.visibleTo(numero, actor).getId(), newestFirst);
    }

    /** The files of a request, oldest first (those of internal notes apart). */
    @Transactional(readOnly = true)
    public List<AttachmentLine> attachments(int numero, Actor actor) {
        return attachments(requests.visibleTo(numero, actor).getId());
    }

    /** The internal notes of a request whose notes the viewer may read, newest first. */
    List<CommentLine> notes(long requestId) {
        return writings(requestId, true, true);
    }

    /** The files of the internal notes of a request whose notes the viewer may read. */
    List<AttachmentLine> noteAttachments(long requestId) {
        return files(requestId, true);
    }

    /**
     * The thread of a request whose visibility {@link #view} has just checked, oldest first or newest first: read as
     * rows into records, since a thread of a hundred comments is only shown, never changed.
     */
    List<CommentLine> comments(long requestId, boolean newestFirst) {
        return writings(requestId, false, newestFirst);
    }

    /** The files of a request whose visibility {@link #view} has just checked, oldest first, without the notes' ones. */
    List<AttachmentLine> attachments(long requestId) {
        return files(requestId, false);
    }

    /**
     * The thread's messages or ({@code internal}) the notes of a request. The condition is written out, not bound: each
     * side is read from its own partial index (V48), which a generic plan with a parameter could not choose.
     */
    private List<CommentLine> writings(long requestId, boolean internal, boolean newestFirst) {
        return jdbc.sql("SELECT id, parent_id, author_id, from_staff, body, created_at FROM request_comment"
                        + " WHERE request_id = ? AND " + (internal ? "internal" : "NOT internal")
                        + " ORDER BY created_at "
                        + (newestFirst ? "DESC, id DESC" : ", id"))
                .param(requestId)
                .query(RequestViews::commentLine)
                .list();
    }

    /** The files of the thread or ({@code internal}) of the notes of a request, oldest first; as {@link #writings}. */
    private List<AttachmentLine> files(long requestId, boolean internal) {
        return jdbc.sql("SELECT id, comment_id, file_name, content_type, size_bytes, uploaded_by, created_at"
                        + " FROM request_attachment WHERE request_id = ? AND "
                        + (internal ? "internal" : "NOT internal")
                        + " ORDER BY created_at, id")
                .param(requestId)
                .query(RequestViews::attachmentLine)
                .list();
    }

    private static CommentLine commentLine(ResultSet rs, int row) throws SQLException {
        return new CommentLine(
                rs.getLong(1),
                (Long) rs.getObject(2),
                rs.getLong(3),
                rs.getBoolean(4),
                rs.getString(5),
                instant(rs, 6));
    }

    private static AttachmentLine attachmentLine(ResultSet rs, int row) throws SQLException {
        return new AttachmentLine(
                rs.getLong(1),
                (Long) rs.getObject(2),
                rs.getString(3),
                rs.getString(4),
                rs.getLong(5),
                rs.getLong(6),
                instant(rs, 7));
    }

    private static RequestStatus status(String name) {
        return name == null ? null : RequestStatus.valueOf(name);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
