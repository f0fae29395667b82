-- The statistics count days in Paris. The days of each milestone are kept beside its instant, computed once when the row
-- is written, instead of three time-zone conversions per request on every display of /statistiques (30,000 requests
-- for the year of the département: 15 ms of conversions and 10 ms of timestamp output per page); the period is read
-- by day.
ALTER TABLE statistics_request
    ADD COLUMN filed_on      DATE GENERATED ALWAYS AS ((filed_at AT TIME ZONE 'Europe/Paris')::date) STORED,
    ADD COLUMN decided_on    DATE GENERATED ALWAYS AS ((decided_at AT TIME ZONE 'Europe/Paris')::date) STORED,
    ADD COLUMN completed_on  DATE GENERATED ALWAYS AS ((completed_at AT TIME ZONE 'Europe/Paris')::date) STORED;

-- a period's rows in filing order, with every column read: the scan never visits the table
DROP INDEX statistics_request_filed_idx;
CREATE INDEX statistics_request_filed_idx ON statistics_request (filed_on)
    INCLUDE (offer_id, collectivity_id, status, decided_on, completed_on);
