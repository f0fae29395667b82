-- The statistics' data version, for the cache of computed figures of /statistiques (StatisticsCache, issue 13): one
-- number, bumped by the database itself in the transaction of any change to what the figures count, whoever makes it
-- (a page, a job, the demo loader, another instance): the requests' statistics rows (V40, which follow the requests and
-- their status history), the ratings, the collectivities' canton, category, status and registration date, and the
-- adhesions validated in the journal of decisions. Offers, domains and typologies move catalogue_version (V38), which
-- the cache reads in the same snapshot. The page reads the number in the REPEATABLE READ snapshot of the figures, so a
-- cached figure is always keyed by the version of the data it was computed from.
--
-- Unlike catalogue_version, the bump waits for the commit (deferred constraint triggers, once per transaction): a
-- transaction that changes a request would otherwise hold the lock of this single row from its first change to its
-- commit, so that every other transaction changing a request would queue behind it, and two of them locking rows in
-- opposite orders could deadlock. Deferred, the row is locked only during the commit itself.
CREATE TABLE statistics_version (
    id      BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
    version BIGINT  NOT NULL
);
INSERT INTO statistics_version (id, version) VALUES (TRUE, 1);

CREATE FUNCTION statistics_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- once per transaction: a bulk change of 10,000 requests is one bump (the setting is local to the transaction)
    IF current_setting('id77.statistics_version_bumped', true) = 'on' THEN
        RETURN NULL;
    END IF;
    PERFORM set_config('id77.statistics_version_bumped', 'on', true);
    UPDATE statistics_version SET version = version + 1;
    RETURN NULL;
END;
$$;

-- constraint triggers are row-level and cannot fire on TRUNCATE: a TRUNCATE (which locks its whole table anyway)
-- bumps at once; the triggers are named <table>_changes_statistics[_truncate]
CREATE FUNCTION statistics_version_bump_now() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE statistics_version SET version = version + 1;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER statistics_request_changes_statistics
    AFTER INSERT OR UPDATE OR DELETE ON statistics_request DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION statistics_version_bump();
CREATE TRIGGER statistics_request_changes_statistics_truncate AFTER TRUNCATE ON statistics_request
    FOR EACH STATEMENT EXECUTE FUNCTION statistics_version_bump_now();

CREATE CONSTRAINT TRIGGER request_rating_changes_statistics
    AFTER INSERT OR UPDATE OR DELETE ON request_rating DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION statistics_version_bump();
CREATE TRIGGER request_rating_changes_statistics_truncate AFTER TRUNCATE ON request_rating
    FOR EACH STATEMENT EXECUTE FUNCTION statistics_version_bump_now();

-- a collectivity's other columns (its name, its storage use...) change no figure
CREATE CONSTRAINT TRIGGER collectivity_changes_statistics
    AFTER INSERT OR DELETE OR UPDATE OF canton, category, status, created_at ON collectivity DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION statistics_version_bump();
CREATE TRIGGER collectivity_changes_statistics_truncate AFTER TRUNCATE ON collectivity
    FOR EACH STATEMENT EXECUTE FUNCTION statistics_version_bump_now();

-- of the journal of decisions, only the adhesions validated are counted
CREATE CONSTRAINT TRIGGER audit_entry_added_statistics
    AFTER INSERT ON audit_entry DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (NEW.action = 'ADHESION_VALIDATED') EXECUTE FUNCTION statistics_version_bump();
CREATE CONSTRAINT TRIGGER audit_entry_changed_statistics
    AFTER UPDATE ON audit_entry DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (NEW.action = 'ADHESION_VALIDATED' OR OLD.action = 'ADHESION_VALIDATED')
    EXECUTE FUNCTION statistics_version_bump();
CREATE CONSTRAINT TRIGGER audit_entry_removed_statistics
    AFTER DELETE ON audit_entry DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD.action = 'ADHESION_VALIDATED') EXECUTE FUNCTION statistics_version_bump();
CREATE TRIGGER audit_entry_changes_statistics_truncate AFTER TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION statistics_version_bump_now();
