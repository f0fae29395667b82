-- Daily digest (issue 11): staff choose, per event, an immediate mail (the default, no row) or the digest of 8:00.
CREATE TABLE notification_digest_choice (
    user_id  BIGINT       NOT NULL REFERENCES app_user (id),
    event    VARCHAR(30)  NOT NULL,
    PRIMARY KEY (user_id, event)
);

-- What the next digest will tell: written instead of a mail when the event happens, deleted in the same transaction as
-- the digest's mail is queued (so a digest is sent once, even if the job runs twice or an instance dies during it).
CREATE TABLE notification_digest_item (
    id              BIGSERIAL     PRIMARY KEY,
    user_id         BIGINT        NOT NULL REFERENCES app_user (id),
    event           VARCHAR(30)   NOT NULL,
    request_numero  INTEGER,
    title           VARCHAR(300)  NOT NULL,
    body            TEXT          NOT NULL,
    link            VARCHAR(300)  NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL
);
CREATE INDEX notification_digest_item_user_idx ON notification_digest_item (user_id, created_at);
