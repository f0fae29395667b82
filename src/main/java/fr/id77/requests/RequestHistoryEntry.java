package fr.id77.requests;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One line of a request's history: who did what, when, from which status to which, and why. Written by
 * {@link RequestHistory} from the request's events (the table keeps its first name, {@code request_event}).
 */
@Entity
@Table(name = "request_event")
class RequestHistoryEntry {

    enum Kind {
        CREATED,
        STATUS,
        COMMENT,
        ATTACHMENT,
        REFERENT,
        RESPONSABLE,
        CHEF_DE_FILE,
        /** An internal note: staff only. */
        NOTE,
        /** Handed to another staff member ({@code subjectId}); its reason is for staff only. */
        HANDOVER
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_id")
    private long requestId;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    @Column(name = "actor_id")
    private long actorId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private RequestStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    private RequestStatus toStatus;

    private String reason;

    /** The person the line is about when it is not its actor (a handover: who received the request). */
    @Column(name = "subject_id")
    private Long subjectId;

    @Column(name = "created_at")
    private Instant createdAt;

    protected RequestHistoryEntry() {}

    RequestHistoryEntry(
            long requestId,
            Kind kind,
            long actorId,
            RequestStatus fromStatus,
            RequestStatus toStatus,
            String reason,
            Instant at) {
        this.requestId = requestId;
        this.kind = kind;
        this.actorId = actorId;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.reason = reason;
        this.createdAt = at;
    }

    /** This line about {@code subjectId}. */
    RequestHistoryEntry about(Long subjectId) {
        this.subjectId = subjectId;
        return this;
    }

    Long getSubjectId() {
        return subjectId;
    }

    Long getId() {
        return id;
    }

    long getRequestId() {
        return requestId;
    }

    Kind getKind() {
        return kind;
    }

    long getActorId() {
        return actorId;
    }

    RequestStatus getFromStatus() {
        return fromStatus;
    }

    RequestStatus getToStatus() {
        return toStatus;
    }

    String getReason() {
        return reason;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
