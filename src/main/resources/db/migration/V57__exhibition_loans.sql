-- Exhibition loans (issue 12): the exhibitions ID77 lends (offers of typology « exposition »), their copies, and the
-- bookings of a copy for a period. Two confirmed bookings of the same copy never overlap, transport days included: the
-- database refuses it itself (exclusion constraint), so two instances racing cannot double-book.
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- an exhibition offer's loan rules; an exhibition offer without a row gets the defaults the first time it is booked
CREATE TABLE exhibition (
    offer_id    BIGINT   PRIMARY KEY REFERENCES offer (id) ON DELETE CASCADE,
    min_days    SMALLINT NOT NULL DEFAULT 7 CHECK (min_days >= 1),
    max_days    SMALLINT NOT NULL DEFAULT 42 CHECK (max_days >= min_days AND max_days <= 366),
    -- transport days before and after each loan (the copy travels to the collectivity, then back)
    buffer_days SMALLINT NOT NULL DEFAULT 3 CHECK (buffer_days BETWEEN 0 AND 60),
    version     BIGINT   NOT NULL DEFAULT 0
);

CREATE TABLE exhibition_copy (
    id       BIGSERIAL    PRIMARY KEY,
    offer_id BIGINT       NOT NULL REFERENCES exhibition (offer_id) ON DELETE CASCADE,
    label    VARCHAR(80)  NOT NULL,
    active   BOOLEAN      NOT NULL DEFAULT TRUE,
    UNIQUE (offer_id, label)
);
CREATE INDEX exhibition_copy_offer_idx ON exhibition_copy (offer_id, id);

-- a booking: WISHED while the request waits (copy_id null unless the chef de file chose one), CONFIRMED when the
-- request is accepted (it then holds its copy for the period plus the transport days), RELEASED when the request is
-- rejected, cancelled or deleted. The request's number and people are copied from its events (the requests module
-- keeps its tables to itself), for the reminders and the staff calendar.
CREATE TABLE loan_booking (
    id                 BIGSERIAL   PRIMARY KEY,
    request_id         BIGINT      NOT NULL UNIQUE,
    request_numero     INTEGER     NOT NULL UNIQUE,
    offer_id           BIGINT      NOT NULL REFERENCES exhibition (offer_id),
    collectivity_id    BIGINT      NOT NULL,
    chef_de_file_id    BIGINT,
    responsable_id     BIGINT,
    referent_id        BIGINT,
    copy_id            BIGINT      REFERENCES exhibition_copy (id),
    chosen_copy_id     BIGINT      REFERENCES exhibition_copy (id),
    starts_on          DATE        NOT NULL,
    ends_on            DATE        NOT NULL,
    buffer_days        SMALLINT    NOT NULL DEFAULT 0 CHECK (buffer_days >= 0),
    status             VARCHAR(12) NOT NULL DEFAULT 'WISHED' CHECK (status IN ('WISHED', 'CONFIRMED', 'RELEASED')),
    held               DATERANGE   GENERATED ALWAYS AS (
                           daterange(starts_on - buffer_days, ends_on + buffer_days, '[]')) STORED,
    pickup_reminded_at TIMESTAMPTZ,
    return_reminded_at TIMESTAMPTZ,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (ends_on >= starts_on),
    CHECK (status <> 'CONFIRMED' OR copy_id IS NOT NULL),
    CONSTRAINT loan_booking_no_overlap EXCLUDE USING gist (copy_id WITH =, held WITH &&) WHERE (status = 'CONFIRMED')
);
-- the calendars and availability of an exhibition, over the bookings that hold or ask for a copy
CREATE INDEX loan_booking_offer_idx ON loan_booking USING gist (offer_id, held) WHERE (status <> 'RELEASED');
-- the daily reminders' candidates
CREATE INDEX loan_booking_pickup_idx ON loan_booking (starts_on) WHERE status = 'CONFIRMED';
CREATE INDEX loan_booking_return_idx ON loan_booking (ends_on) WHERE status = 'CONFIRMED';

-- private, revocable iCalendar feeds: one per exhibition (offer_id) or per chef de file (user_id)
CREATE TABLE loan_calendar_feed (
    token      VARCHAR(64) PRIMARY KEY,
    offer_id   BIGINT REFERENCES exhibition (offer_id) ON DELETE CASCADE,
    user_id    BIGINT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    revoked_at TIMESTAMPTZ,
    CHECK ((offer_id IS NULL) <> (user_id IS NULL))
);
CREATE UNIQUE INDEX loan_calendar_feed_offer_idx ON loan_calendar_feed (offer_id) WHERE revoked_at IS NULL;
CREATE UNIQUE INDEX loan_calendar_feed_user_idx ON loan_calendar_feed (user_id) WHERE revoked_at IS NULL;

-- the offer page shows an exhibition's availability: the anonymous page, kept rendered, changes at once
CREATE TRIGGER exhibition_changes_catalogue AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON exhibition
    FOR EACH STATEMENT EXECUTE FUNCTION catalogue_version_bump();
CREATE TRIGGER exhibition_copy_changes_catalogue AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON exhibition_copy
    FOR EACH STATEMENT EXECUTE FUNCTION catalogue_version_bump();
-- only the columns the calendar shows: the people and reminder marks a booking keeps do not empty the page cache
CREATE TRIGGER loan_booking_changes_catalogue
    AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF status, copy_id, starts_on, ends_on, buffer_days ON loan_booking
    FOR EACH STATEMENT EXECUTE FUNCTION catalogue_version_bump();

-- every exhibition offer already there gets the defaults: one copy, 7 to 42 days, 3 transport days
INSERT INTO exhibition (offer_id) SELECT id FROM offer WHERE typology_id = 3;
INSERT INTO exhibition_copy (offer_id, label) SELECT offer_id, 'Exemplaire 1' FROM exhibition;
