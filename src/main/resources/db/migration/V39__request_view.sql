-- Each person's last view of each request, for the « nouveautés » markers of the requests list and the dashboards:
-- what others did on a request (comment, file, status change) after the viewer last opened it. Written (upsert) each
-- time the request's page is opened. The person is another module's row, referred to by id.
CREATE TABLE request_view (
    user_id     BIGINT       NOT NULL,
    request_id  BIGINT       NOT NULL REFERENCES request (id),
    seen_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (user_id, request_id)
);

-- When the markers began: for a request someone never opened, only what happened since counts as news (what happened
-- before, nobody can tell whether he saw it; without this, every past comment would be « new » to everyone at once).
CREATE TABLE request_view_start (
    started_at  TIMESTAMPTZ  NOT NULL
);
INSERT INTO request_view_start (started_at) VALUES (now());

-- A request's activity since a moment, counted from the index alone (kind and actor carried in it); it replaces the
-- index of V10 on the same columns.
CREATE INDEX request_event_activity_idx ON request_event (request_id, created_at) INCLUDE (kind, actor_id);
DROP INDEX request_event_request_idx;

-- The latest filings and status changes of the whole platform (admin dashboard), without reading the comments' lines.
CREATE INDEX request_event_recent_idx ON request_event (created_at DESC, id DESC) WHERE kind IN ('CREATED', 'STATUS');
