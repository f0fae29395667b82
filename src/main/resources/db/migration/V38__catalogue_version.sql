-- The catalogue's version, for the cache of rendered anonymous catalogue pages (README « Performance »): one number,
-- bumped by the database itself in the same transaction as any change to what the public catalogue shows (offers,
-- their domains and thematics, organisations, reference data), whoever makes it: an admin page, the demo loader, a
-- migration, another instance. Every instance re-reads it at a short interval and keys its cache (and the pages' ETag)
-- by it, so no instance serves a page older than the catalogue once it has re-read the number.
CREATE TABLE catalogue_version (
    id      BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
    version BIGINT  NOT NULL
);
INSERT INTO catalogue_version (id, version) VALUES (TRUE, 1);

CREATE FUNCTION catalogue_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE catalogue_version SET version = version + 1;
    RETURN NULL;
END;
$$;

-- once per statement (a bulk change of 50 offers is one bump), for every kind of change, on every table the public
-- catalogue reads; the triggers are named <table>_changes_catalogue
DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['offer', 'offer_domain', 'offer_thematic', 'organisation', 'domain', 'thematic', 'typology']
    LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION catalogue_version_bump()', t || '_changes_catalogue', t);
    END LOOP;
END;
$$;
