-- The thread of a request (« Commentaires »): both sides write and answer (« Répondre »).
CREATE TABLE request_comment (
    id          BIGSERIAL PRIMARY KEY,
    request_id  BIGINT       NOT NULL REFERENCES request (id),
    parent_id   BIGINT       REFERENCES request_comment (id),
    author_id   BIGINT       NOT NULL,
    from_staff  BOOLEAN      NOT NULL,
    body        TEXT         NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX request_comment_request_idx ON request_comment (request_id, created_at);
