-- The space a collectivity's files take, shown on every request page that offers an upload (« Espace de stockage
-- restant ») and checked before each upload. Summing the files of all its requests cost 12 ms for a collectivity of
-- 1,400 requests (issue 13): the database keeps the sum itself, in the same transaction as each file added or removed,
-- so it is always exact. A request never changes collectivity.
CREATE TABLE collectivity_storage_use (
    collectivity_id  BIGINT PRIMARY KEY,
    bytes            BIGINT NOT NULL CHECK (bytes >= 0)
);
INSERT INTO collectivity_storage_use (collectivity_id, bytes)
SELECT r.collectivity_id, sum(a.size_bytes) FROM request_attachment a JOIN request r ON r.id = a.request_id
GROUP BY r.collectivity_id;

CREATE FUNCTION collectivity_storage_use_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO collectivity_storage_use (collectivity_id, bytes)
        SELECT r.collectivity_id, NEW.size_bytes FROM request r WHERE r.id = NEW.request_id
        ON CONFLICT (collectivity_id) DO UPDATE SET bytes = collectivity_storage_use.bytes + EXCLUDED.bytes;
    ELSE
        UPDATE collectivity_storage_use u SET bytes = u.bytes - OLD.size_bytes
        FROM request r WHERE r.id = OLD.request_id AND u.collectivity_id = r.collectivity_id;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER collectivity_storage_use_rows AFTER INSERT OR DELETE ON request_attachment
    FOR EACH ROW EXECUTE FUNCTION collectivity_storage_use_follow();

CREATE FUNCTION collectivity_storage_use_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM collectivity_storage_use;
    RETURN NULL;
END
$$;
CREATE TRIGGER collectivity_storage_use_truncate AFTER TRUNCATE ON request_attachment
    FOR EACH STATEMENT EXECUTE FUNCTION collectivity_storage_use_clear();
