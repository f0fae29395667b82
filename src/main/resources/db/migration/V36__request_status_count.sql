-- The status tabs of the admins' « Demandes » list count every request of the département. Counting 100,000 rows on
-- each display cost more than the rest of the page (issue 13): the database keeps the count per status itself, in the
-- same transaction as each change (filed, moved to another status, deleted), so it is always exact. The counts with
-- a filter (a chef de file's, a collectivity's, a canton's…) are still counted on their rows, through their indexes.
CREATE TABLE request_status_count (
    status    VARCHAR(20) PRIMARY KEY,
    requests  BIGINT      NOT NULL CHECK (requests >= 0)
);
INSERT INTO request_status_count (status, requests)
SELECT status, count(*) FROM request GROUP BY status;

CREATE FUNCTION request_status_count_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE request_status_count SET requests = requests - 1 WHERE status = OLD.status;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO request_status_count (status, requests) VALUES (NEW.status, 1)
        ON CONFLICT (status) DO UPDATE SET requests = request_status_count.requests + 1;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER request_status_count_rows AFTER INSERT OR DELETE ON request
    FOR EACH ROW EXECUTE FUNCTION request_status_count_follow();
CREATE TRIGGER request_status_count_moves AFTER UPDATE OF status ON request
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION request_status_count_follow();

CREATE FUNCTION request_status_count_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM request_status_count;
    RETURN NULL;
END
$$;
CREATE TRIGGER request_status_count_truncate AFTER TRUNCATE ON request
    FOR EACH STATEMENT EXECUTE FUNCTION request_status_count_clear();
