-- Statistics (/statistiques, issue 10): one narrow row per request with what the figures need, kept by PostgreSQL in
-- the same transaction as every change, so that a period of the département (30,000 requests a year) is read in one
-- index-only range scan instead of joining the request history (1.3 million lines at scale: 100 ms for one year).
--   filed_at       the filing instant (request.created_at)
--   decided_at     the first acceptance or rejection (history: En attente → En cours or Rejetée)
--   completed_at   the first completion (history: → Terminée); a request reopened and completed again keeps its first
-- offer, collectivity and status follow the request. Read only by the statistics module.
CREATE TABLE statistics_request (
    request_id       BIGINT       PRIMARY KEY,
    filed_at         TIMESTAMPTZ  NOT NULL,
    offer_id         BIGINT       NOT NULL,
    collectivity_id  BIGINT       NOT NULL,
    status           VARCHAR(20)  NOT NULL,
    decided_at       TIMESTAMPTZ,
    completed_at     TIMESTAMPTZ
);

CREATE FUNCTION statistics_request_milestones(request BIGINT) RETURNS TABLE (decided TIMESTAMPTZ, completed TIMESTAMPTZ)
LANGUAGE sql STABLE AS $$
    SELECT min(created_at) FILTER (WHERE from_status = 'EN_ATTENTE' AND to_status IN ('EN_COURS', 'REJETEE')),
           min(created_at) FILTER (WHERE to_status = 'TERMINEE')
    FROM request_event WHERE request_id = request AND kind = 'STATUS'
$$;

INSERT INTO statistics_request (request_id, filed_at, offer_id, collectivity_id, status, decided_at, completed_at)
SELECT r.id, r.created_at, r.offer_id, r.collectivity_id, r.status, e.decided, e.completed
FROM request r
LEFT JOIN (SELECT request_id,
                  min(created_at) FILTER (WHERE from_status = 'EN_ATTENTE' AND to_status IN ('EN_COURS', 'REJETEE')) AS decided,
                  min(created_at) FILTER (WHERE to_status = 'TERMINEE') AS completed
           FROM request_event WHERE kind = 'STATUS' GROUP BY request_id) e ON e.request_id = r.id;

-- a period's rows in filing order, with every column read: the scan never visits the table
CREATE INDEX statistics_request_filed_idx ON statistics_request (filed_at)
    INCLUDE (offer_id, collectivity_id, status, decided_at, completed_at);

CREATE FUNCTION statistics_request_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM statistics_request WHERE request_id = OLD.id;
        RETURN NULL;
    END IF;
    INSERT INTO statistics_request (request_id, filed_at, offer_id, collectivity_id, status, decided_at, completed_at)
    SELECT NEW.id, NEW.created_at, NEW.offer_id, NEW.collectivity_id, NEW.status, m.decided, m.completed
    FROM statistics_request_milestones(NEW.id) m
    ON CONFLICT (request_id) DO UPDATE SET filed_at = EXCLUDED.filed_at, offer_id = EXCLUDED.offer_id,
        collectivity_id = EXCLUDED.collectivity_id, status = EXCLUDED.status;
    RETURN NULL;
END
$$;
CREATE TRIGGER statistics_request_rows AFTER INSERT OR DELETE ON request
    FOR EACH ROW EXECUTE FUNCTION statistics_request_follow();
CREATE TRIGGER statistics_request_changes AFTER UPDATE OF created_at, offer_id, collectivity_id, status ON request
    FOR EACH ROW EXECUTE FUNCTION statistics_request_follow();

-- a status line of the history added, moved or removed: the request's milestones are read again from its history
CREATE FUNCTION statistics_request_history() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed BIGINT := CASE WHEN TG_OP = 'DELETE' THEN OLD.request_id ELSE NEW.request_id END;
BEGIN
    UPDATE statistics_request s SET decided_at = m.decided, completed_at = m.completed
    FROM statistics_request_milestones(changed) m WHERE s.request_id = changed;
    IF TG_OP = 'UPDATE' AND OLD.request_id <> NEW.request_id THEN
        UPDATE statistics_request s SET decided_at = m.decided, completed_at = m.completed
        FROM statistics_request_milestones(OLD.request_id) m WHERE s.request_id = OLD.request_id;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER statistics_request_history_added AFTER INSERT ON request_event
    FOR EACH ROW WHEN (NEW.kind = 'STATUS') EXECUTE FUNCTION statistics_request_history();
CREATE TRIGGER statistics_request_history_changed AFTER UPDATE ON request_event
    FOR EACH ROW WHEN (NEW.kind = 'STATUS' OR OLD.kind = 'STATUS') EXECUTE FUNCTION statistics_request_history();
CREATE TRIGGER statistics_request_history_removed AFTER DELETE ON request_event
    FOR EACH ROW WHEN (OLD.kind = 'STATUS') EXECUTE FUNCTION statistics_request_history();

CREATE FUNCTION statistics_request_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM statistics_request;
    RETURN NULL;
END
$$;
CREATE TRIGGER statistics_request_truncate AFTER TRUNCATE ON request
    FOR EACH STATEMENT EXECUTE FUNCTION statistics_request_clear();
