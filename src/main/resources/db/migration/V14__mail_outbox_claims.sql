-- The outbox sender no longer holds a transaction open across SMTP: it claims due rows (SENDING) in a
-- short statement, sends them, then marks each one SENT or schedules its retry in its own statement.
-- Only one instance runs a pass at a time (a PostgreSQL advisory lock, released by PostgreSQL itself if
-- the instance dies), so a row still SENDING when a pass starts was left by a crash and is retried.
ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_status_check;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_status_check
    CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED'));
ALTER TABLE mail_outbox ADD COLUMN claimed_at TIMESTAMPTZ;

-- The admins' page lists what is not sent yet (pending, being sent, failed), newest first.
CREATE INDEX mail_outbox_unsent_idx ON mail_outbox (status, created_at DESC) WHERE status <> 'SENT';
