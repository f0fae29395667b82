-- A chef de file's dashboard at the département's scale (issue 13). « En cours » sorted his requests by their last
-- exchange and « Nouveautés » looked for the requests with a writing he has not seen by probing the history of every
-- request he may see (8,500 for a busy chef de file: 45 ms of SQL for one page). Both are now kept by PostgreSQL.

-- 1. A request's last exchange (message or file, by anyone), kept from its history, which only ever grows.
ALTER TABLE request ADD COLUMN last_exchange_at TIMESTAMPTZ;
UPDATE request r SET last_exchange_at = e.last
FROM (SELECT request_id, max(created_at) AS last FROM request_event WHERE kind IN ('COMMENT', 'ATTACHMENT')
      GROUP BY request_id) e
WHERE e.request_id = r.id;
CREATE FUNCTION request_last_exchange_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE request SET last_exchange_at = greatest(last_exchange_at, NEW.created_at) WHERE id = NEW.request_id;
    RETURN NULL;
END $$;
CREATE TRIGGER request_last_exchange_added AFTER INSERT ON request_event
    FOR EACH ROW WHEN (NEW.kind IN ('COMMENT', 'ATTACHMENT')) EXECUTE FUNCTION request_last_exchange_follow();
-- « En cours » of a chef de file: his requests of a status, the longest without exchange first, read in order.
CREATE INDEX request_chef_exchange_idx ON request (chef_de_file_id, status, last_exchange_at ASC NULLS FIRST,
                                                   created_at, numero);

-- 2. The staff's unseen writings: a row per (agent, request) while the request holds a message, a file or an internal
-- note written by someone else after his last view of it (request_view; since the markers began, V39, if he never
-- opened it), with the moment of the latest. Its agents are those who may see the request on their desk, as
-- RequestReadModel.STAFF_SCOPE: the offer's chef de file now, the request's chef de file (who led it when filed or
-- since) and its responsable. Kept on a writing, on a view, and recomputed when these people change.
CREATE TABLE request_news (
    user_id     BIGINT       NOT NULL,
    request_id  BIGINT       NOT NULL REFERENCES request (id) ON DELETE CASCADE,
    last_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (user_id, request_id)
);
CREATE INDEX request_news_latest_idx ON request_news (user_id, last_at DESC, request_id DESC);
CREATE INDEX request_news_request_idx ON request_news (request_id);

-- The rows of some requests computed from their history (the migration, a change of the people who see them).
CREATE FUNCTION request_news_compute(requests BIGINT[]) RETURNS void LANGUAGE sql AS $$
    DELETE FROM request_news WHERE request_id = ANY (requests);
    INSERT INTO request_news (user_id, request_id, last_at)
    SELECT s.user_id, s.request_id, max(e.created_at)
    FROM (SELECT DISTINCT r.id AS request_id, u.user_id
          FROM request r JOIN offer o ON o.id = r.offer_id
          CROSS JOIN LATERAL (VALUES (o.chef_de_file_id), (r.chef_de_file_id), (r.responsable_id)) u (user_id)
          WHERE r.id = ANY (requests) AND u.user_id IS NOT NULL) s
    LEFT JOIN request_view v ON v.user_id = s.user_id AND v.request_id = s.request_id
    JOIN request_event e ON e.request_id = s.request_id AND e.kind IN ('COMMENT', 'ATTACHMENT', 'NOTE')
         AND e.actor_id <> s.user_id
         AND e.created_at > coalesce(v.seen_at, (SELECT started_at FROM request_view_start))
    GROUP BY s.user_id, s.request_id;
$$;
SELECT request_news_compute(ARRAY(SELECT id FROM request));

-- A writing is news to the request's agents but its author, unless one has already seen later.
CREATE FUNCTION request_news_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO request_news (user_id, request_id, last_at)
    SELECT DISTINCT u.user_id, NEW.request_id, NEW.created_at
    FROM request r JOIN offer o ON o.id = r.offer_id
    CROSS JOIN LATERAL (VALUES (o.chef_de_file_id), (r.chef_de_file_id), (r.responsable_id)) u (user_id)
    WHERE r.id = NEW.request_id AND u.user_id IS NOT NULL AND u.user_id <> NEW.actor_id
      AND NEW.created_at > coalesce((SELECT v.seen_at FROM request_view v
                                     WHERE v.user_id = u.user_id AND v.request_id = NEW.request_id),
                                    (SELECT started_at FROM request_view_start))
    ON CONFLICT (user_id, request_id) DO UPDATE SET last_at = greatest(request_news.last_at, excluded.last_at);
    RETURN NULL;
END $$;
CREATE TRIGGER request_news_written AFTER INSERT ON request_event
    FOR EACH ROW WHEN (NEW.kind IN ('COMMENT', 'ATTACHMENT', 'NOTE')) EXECUTE FUNCTION request_news_written();

-- Opening the request: what was written until then is seen.
CREATE FUNCTION request_news_seen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM request_news WHERE user_id = NEW.user_id AND request_id = NEW.request_id AND last_at <= NEW.seen_at;
    RETURN NULL;
END $$;
CREATE TRIGGER request_news_seen AFTER INSERT OR UPDATE ON request_view
    FOR EACH ROW EXECUTE FUNCTION request_news_seen();

-- Another chef de file or responsable for a request, another chef de file for an offer (all its requests): the rows of
-- those requests are computed again for the people who see them now.
CREATE FUNCTION request_news_people_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM request_news_compute(ARRAY[NEW.id]);
    RETURN NULL;
END $$;
CREATE TRIGGER request_news_people_changed AFTER UPDATE OF chef_de_file_id, responsable_id, offer_id ON request
    FOR EACH ROW WHEN (OLD.chef_de_file_id IS DISTINCT FROM NEW.chef_de_file_id
                       OR OLD.responsable_id IS DISTINCT FROM NEW.responsable_id OR OLD.offer_id <> NEW.offer_id)
    EXECUTE FUNCTION request_news_people_changed();
CREATE FUNCTION request_news_offer_lead_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM request_news_compute(ARRAY(SELECT id FROM request WHERE offer_id = NEW.id));
    RETURN NULL;
END $$;
CREATE TRIGGER request_news_offer_lead_changed AFTER UPDATE OF chef_de_file_id ON offer
    FOR EACH ROW WHEN (OLD.chef_de_file_id IS DISTINCT FROM NEW.chef_de_file_id)
    EXECUTE FUNCTION request_news_offer_lead_changed();
