package fr.id77.requests;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A file of a request (possibly sent with a comment, or with an internal note: then internal too). */
@Entity
@Table(name = "request_attachment")
class RequestAttachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_id")
    private long requestId;

    @Column(name = "comment_id")
    private Long commentId;

    @Column(name = "file_name")
    private String fileName;

    @Column(name = "content_type")
    private String contentType;

    @Column(name = "size_bytes")
    private long sizeBytes;

    @Column(name = "storage_key")
    private String storageKey;

    @Column(name = "uploaded_by")
    private long uploadedBy;

    @Column(name = "created_at")
    private Instant createdAt;

    /** Sent with an internal note (V48): only staff see it. */
    private boolean internal;

    protected RequestAttachment() {}

    RequestAttachment(
            long requestId,
            Long commentId,
            String fileName,
            String contentType,
            long sizeBytes,
            String storageKey,
            long uploadedBy,
            Instant now,
            boolean internal) {
        this.requestId = requestId;
        this.commentId = commentId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.storageKey = storageKey;
        this.uploadedBy = uploadedBy;
        this.createdAt = now;
        this.internal = internal;
    }

    Long getId() {
        return id;
    }

    long getRequestId() {
        return requestId;
    }

    Long getCommentId() {
        return commentId;
    }

    String getFileName() {
        return fileName;
    }

    String getContentType() {
        return contentType;
    }

    long getSizeBytes() {
        return sizeBytes;
    }

    String getStorageKey() {
        return storageKey;
    }

    long getUploadedBy() {
        return uploadedBy;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    boolean isInternal() {
        return internal;
    }
}
