-- Files attached to a request, directly or with a comment. Stored under a random key; the name is for display only.
CREATE TABLE request_attachment (
    id            BIGSERIAL PRIMARY KEY,
    request_id    BIGINT       NOT NULL REFERENCES request (id),
    comment_id    BIGINT       REFERENCES request_comment (id),
    file_name     VARCHAR(200) NOT NULL,
    content_type  VARCHAR(120) NOT NULL,
    size_bytes    BIGINT       NOT NULL,
    storage_key   VARCHAR(36)  NOT NULL UNIQUE,
    uploaded_by   BIGINT       NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX request_attachment_request_idx ON request_attachment (request_id, created_at);
