package fr.id77.requests;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A message of a request's thread, possibly answering another one; or an internal note, which only staff read. */
@Entity
@Table(name = "request_comment")
class RequestComment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_id")
    private long requestId;

    @Column(name = "parent_id")
    private Long parentId;

    @Column(name = "author_id")
    private long authorId;

    @Column(name = "from_staff")
    private boolean fromStaff;

    private String body;

    /** An internal note (V48): never shown to the collectivity, never an answer, never answered. */
    private boolean internal;

    @Column(name = "created_at")
    private Instant createdAt;

    protected RequestComment() {}

    RequestComment(long requestId, Long parentId, long authorId, boolean fromStaff, String body, Instant now) {
        this.requestId = requestId;
        this.parentId = parentId;
        this.authorId = authorId;
        this.fromStaff = fromStaff;
        this.body = body;
        this.createdAt = now;
    }

    /** An internal note by a staff member. */
    static RequestComment note(long requestId, long authorId, String body, Instant now) {
        RequestComment note = new RequestComment(requestId, null, authorId, true, body, now);
        note.internal = true;
        return note;
    }

    Long getId() {
        return id;
    }

    long getRequestId() {
        return requestId;
    }

    Long getParentId() {
        return parentId;
    }

    long getAuthorId() {
        return authorId;
    }

    boolean isFromStaff() {
        return fromStaff;
    }

    boolean isInternal() {
        return internal;
    }

    String getBody() {
        return body;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
