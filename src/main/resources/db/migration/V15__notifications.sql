-- Notifications: what each person was told in the application, and the channels they turned off.
-- Accounts are referred to by id (they belong to the account module).

-- Everything is on by default: a row records that a person turned one event off on one channel.
CREATE TABLE notification_opt_out (
    user_id  BIGINT      NOT NULL,
    event    VARCHAR(30) NOT NULL,
    channel  VARCHAR(10) NOT NULL CHECK (channel IN ('APP', 'EMAIL')),
    PRIMARY KEY (user_id, event, channel)
);

-- In-application notifications. The text is written when the event happens (it tells what happened
-- then), so the list needs no other table.
CREATE TABLE notification (
    id              BIGSERIAL PRIMARY KEY,
    user_id         BIGINT       NOT NULL,
    event           VARCHAR(30)  NOT NULL,
    request_id      BIGINT,
    request_numero  INTEGER,
    title           VARCHAR(300) NOT NULL,
    body            TEXT         NOT NULL,
    link            VARCHAR(300) NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    read_at         TIMESTAMPTZ
);
-- The list, newest first, one page at a time.
CREATE INDEX notification_user_idx ON notification (user_id, created_at DESC, id DESC);
-- The badge in the header of every page: only unread rows are in this index, so counting them stays
-- cheap however many notifications a person has read.
CREATE INDEX notification_unread_idx ON notification (user_id) WHERE read_at IS NULL;
