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
        CHEF_DE_FILE
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
