-- Reminders (issue 11): when the daily job last reminded someone of a request (late on its deadline, or waiting for
-- the collectivity's compléments); at most one reminder a week per request.
ALTER TABLE request ADD COLUMN reminded_at TIMESTAMPTZ;
-- the reminders' candidates, read without scanning the requests closed or on time
CREATE INDEX request_reminder_idx ON request (due_on) WHERE status IN ('EN_ATTENTE', 'EN_COURS', 'COMPLEMENTS');
