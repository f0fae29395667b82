-- A page deep in the « Demandes » list (issue 13): its 20 numbers were found by walking the list's index from its
-- nearer end, skipping up to half of the list (50,000 entries for the admins' middle page, 5 ms of 10 for the page).
-- The database now keeps the number of requests filed each month (Paris time) per status, for the whole département and
-- per offer: a page in the order of filing skips the months before it by their counts and walks its own month only.
CREATE TABLE request_month_count (
    status    VARCHAR(20) NOT NULL,
    month     DATE        NOT NULL,
    requests  BIGINT      NOT NULL CHECK (requests >= 0),
    PRIMARY KEY (status, month)
);
CREATE TABLE request_offer_month_count (
    offer_id  BIGINT      NOT NULL,
    status    VARCHAR(20) NOT NULL,
    month     DATE        NOT NULL,
    requests  BIGINT      NOT NULL CHECK (requests >= 0),
    PRIMARY KEY (offer_id, status, month)
);

-- The month of a filing, as RequestReadModel reads it.
CREATE FUNCTION request_month(filed TIMESTAMPTZ) RETURNS DATE LANGUAGE sql IMMUTABLE AS $$
    SELECT date_trunc('month', filed AT TIME ZONE 'Europe/Paris')::date
$$;

INSERT INTO request_month_count (status, month, requests)
SELECT status, request_month(created_at), count(*) FROM request GROUP BY 1, 2;
INSERT INTO request_offer_month_count (offer_id, status, month, requests)
SELECT offer_id, status, request_month(created_at), count(*) FROM request GROUP BY 1, 2, 3;

CREATE FUNCTION request_month_count_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE request_month_count SET requests = requests - 1
         WHERE status = OLD.status AND month = request_month(OLD.created_at);
        UPDATE request_offer_month_count SET requests = requests - 1
         WHERE offer_id = OLD.offer_id AND status = OLD.status AND month = request_month(OLD.created_at);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO request_month_count (status, month, requests) VALUES (NEW.status, request_month(NEW.created_at), 1)
        ON CONFLICT (status, month) DO UPDATE SET requests = request_month_count.requests + 1;
        INSERT INTO request_offer_month_count (offer_id, status, month, requests)
        VALUES (NEW.offer_id, NEW.status, request_month(NEW.created_at), 1)
        ON CONFLICT (offer_id, status, month) DO UPDATE SET requests = request_offer_month_count.requests + 1;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER request_month_count_rows AFTER INSERT OR DELETE ON request
    FOR EACH ROW EXECUTE FUNCTION request_month_count_follow();
CREATE TRIGGER request_month_count_moves AFTER UPDATE OF status, offer_id, created_at ON request
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.offer_id IS DISTINCT FROM NEW.offer_id
                       OR OLD.created_at IS DISTINCT FROM NEW.created_at)
    EXECUTE FUNCTION request_month_count_follow();

CREATE FUNCTION request_month_count_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM request_month_count;
    DELETE FROM request_offer_month_count;
    RETURN NULL;
END
$$;
CREATE TRIGGER request_month_count_truncate AFTER TRUNCATE ON request
    FOR EACH STATEMENT EXECUTE FUNCTION request_month_count_clear();

-- The last part of a chef de file's scope, the requests he led before their offer changed hands (RequestReadModel), is
-- read as « his requests on the offers he does not lead »: from this index, one short probe per such offer, instead of
-- every entry of the requests he led (8,500 for a busy chef de file, read on each page of his list to find none).
CREATE INDEX request_chef_offer_idx ON request (chef_de_file_id, offer_id)
    INCLUDE (responsable_id, status, created_at, numero, collectivity_id);
