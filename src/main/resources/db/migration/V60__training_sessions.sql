-- Training and awareness sessions (issue 12): dated sessions of an offer of the typology « Action de sensibilisation /
-- formation », with a number of seats, and the participants registered by the collectivities (confirmed, waiting in
-- the order they came, or cancelled). Module trainings.
CREATE TABLE training_session (
    id                    BIGSERIAL    PRIMARY KEY,
    offer_id              BIGINT       NOT NULL REFERENCES offer (id),
    starts_at             TIMESTAMPTZ  NOT NULL,
    ends_at               TIMESTAMPTZ  NOT NULL,
    place                 VARCHAR(300),
    remote                BOOLEAN      NOT NULL DEFAULT FALSE,
    seats                 INTEGER      NOT NULL CHECK (seats > 0 AND seats <= 1000),
    -- registrations are taken until the end of this day (Paris time)
    registration_deadline DATE         NOT NULL,
    cancelled_at          TIMESTAMPTZ,
    cancel_reason         VARCHAR(2000),
    created_by            BIGINT       NOT NULL REFERENCES app_user (id),
    created_at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version               INTEGER      NOT NULL DEFAULT 0,
    CHECK (ends_at > starts_at),
    CHECK (remote OR place IS NOT NULL),
    CHECK ((cancelled_at IS NULL) = (cancel_reason IS NULL))
);
-- the offer page's upcoming sessions, the staff list by offer
CREATE INDEX training_session_offer_idx ON training_session (offer_id, starts_at);
-- the staff list of all sessions, the statistics' period
CREATE INDEX training_session_starts_idx ON training_session (starts_at);

CREATE TABLE session_registration (
    id                   BIGSERIAL    PRIMARY KEY,
    session_id           BIGINT       NOT NULL REFERENCES training_session (id),
    collectivity_id      BIGINT       NOT NULL REFERENCES collectivity (id),
    registered_by        BIGINT       NOT NULL REFERENCES app_user (id),
    participant_name     VARCHAR(150) NOT NULL,
    participant_function VARCHAR(150) NOT NULL,
    email                VARCHAR(254) NOT NULL,
    status               VARCHAR(10)  NOT NULL CHECK (status IN ('CONFIRMED', 'WAITING', 'CANCELLED')),
    -- the waiting list's order (clock_timestamp: several rows of one form keep the order of the form), then id
    created_at           TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp(),
    confirmed_at         TIMESTAMPTZ,
    cancelled_at         TIMESTAMPTZ,
    -- NULL until staff mark the attendance after the session
    attended             BOOLEAN,
    reminded_at          TIMESTAMPTZ,
    CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL))
);
-- the same person once per session (cancelled registrations aside)
CREATE UNIQUE INDEX session_registration_person_idx ON session_registration (session_id, lower(email))
    WHERE status <> 'CANCELLED';
-- seats taken and the waiting list in order
CREATE INDEX session_registration_session_idx ON session_registration (session_id, status, created_at, id);
-- « Mes inscriptions »
CREATE INDEX session_registration_collectivity_idx ON session_registration (collectivity_id, session_id);

-- No session is ever oversold, whoever writes: a CONFIRMED row (inserted, or promoted from the waiting list) first
-- locks its session's row, then counts the seats taken. Two registrations at once therefore count one after the other.
CREATE FUNCTION session_registration_seats() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    capacity INTEGER;
    taken    INTEGER;
BEGIN
    IF NEW.status = 'CONFIRMED' AND (TG_OP = 'INSERT' OR OLD.status <> 'CONFIRMED') THEN
        SELECT seats INTO capacity FROM training_session WHERE id = NEW.session_id FOR UPDATE;
        SELECT count(*) INTO taken FROM session_registration
            WHERE session_id = NEW.session_id AND status = 'CONFIRMED' AND id <> NEW.id;
        IF taken >= capacity THEN
            RAISE EXCEPTION 'session % complète (% places)', NEW.session_id, capacity
                USING ERRCODE = 'check_violation', CONSTRAINT = 'session_registration_seats';
        END IF;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER session_registration_seats BEFORE INSERT OR UPDATE OF status ON session_registration
    FOR EACH ROW EXECUTE FUNCTION session_registration_seats();

-- the offer page shows the upcoming sessions and their seats left: it changes at once for anonymous visitors too
CREATE TRIGGER training_session_changes_catalogue AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON training_session
    FOR EACH STATEMENT EXECUTE FUNCTION catalogue_version_bump();
CREATE TRIGGER session_registration_changes_catalogue AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON session_registration
    FOR EACH STATEMENT EXECUTE FUNCTION catalogue_version_bump();
