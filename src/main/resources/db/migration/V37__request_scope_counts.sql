-- A chef de file's « Demandes » list at scale (issue 13): his scope is the requests of the offers he leads, those he
-- is responsable of and those he led before (Request.canView). Read as one OR, PostgreSQL gathered his ~16,000 index
-- entries into a bitmap and read all his rows for the status counts (7 ms on the scale data set), and a deep page read
-- the row of every request of the département before its own to know whether it was his (11 ms). Now:
-- 1. the number of requests per offer and status is kept by the database (as request_status_count, V36, per offer),
--    so the counts of the offers he leads are read, not counted; the few requests outside them are counted;
CREATE TABLE request_offer_status_count (
    offer_id  BIGINT      NOT NULL,
    status    VARCHAR(20) NOT NULL,
    requests  BIGINT      NOT NULL CHECK (requests >= 0),
    PRIMARY KEY (offer_id, status)
);
INSERT INTO request_offer_status_count (offer_id, status, requests)
SELECT offer_id, status, count(*) FROM request GROUP BY offer_id, status;

CREATE FUNCTION request_offer_status_count_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE request_offer_status_count SET requests = requests - 1
         WHERE offer_id = OLD.offer_id AND status = OLD.status;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO request_offer_status_count (offer_id, status, requests) VALUES (NEW.offer_id, NEW.status, 1)
        ON CONFLICT (offer_id, status) DO UPDATE SET requests = request_offer_status_count.requests + 1;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER request_offer_status_count_rows AFTER INSERT OR DELETE ON request
    FOR EACH ROW EXECUTE FUNCTION request_offer_status_count_follow();
CREATE TRIGGER request_offer_status_count_moves AFTER UPDATE OF status, offer_id ON request
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.offer_id IS DISTINCT FROM NEW.offer_id)
    EXECUTE FUNCTION request_offer_status_count_follow();

CREATE FUNCTION request_offer_status_count_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM request_offer_status_count;
    RETURN NULL;
END
$$;
CREATE TRIGGER request_offer_status_count_truncate AFTER TRUNCATE ON request
    FOR EACH STATEMENT EXECUTE FUNCTION request_offer_status_count_clear();

-- 2. the requests he follows outside his offers (responsable, former chef de file) are counted in indexes that also
--    hold their offer, so telling them apart from his offers' requests reads no row;
DROP INDEX request_chef_idx;
CREATE INDEX request_chef_idx ON request (chef_de_file_id, status, created_at DESC, numero DESC)
    INCLUDE (offer_id, responsable_id, collectivity_id);
DROP INDEX request_responsable_idx;
CREATE INDEX request_responsable_idx ON request (responsable_id, status, created_at DESC, numero DESC)
    INCLUDE (offer_id, collectivity_id);
-- 3. the list's indexes (V35) also hold what decides whether a request is in his scope or kept by a filter: his page
--    is found in the index alone, skipping the requests of others without reading their rows.
DROP INDEX request_list_idx;
CREATE INDEX request_list_idx ON request (created_at DESC, numero DESC)
    INCLUDE (offer_id, responsable_id, chef_de_file_id, status, collectivity_id);
DROP INDEX request_status_idx;
CREATE INDEX request_status_idx ON request (status, created_at DESC, numero DESC)
    INCLUDE (offer_id, responsable_id, chef_de_file_id, collectivity_id);
