-- The nightly purges find what they delete through small partial indexes instead of scanning big tables: sent (or
-- replaced) mails by the date they left, read notifications by their date (millions of rows at the département's
-- scale). Unsent mails and unread notifications, which the pages read, are not in them.
CREATE INDEX mail_outbox_done_idx ON mail_outbox ((COALESCE(sent_at, created_at))) WHERE status IN ('SENT', 'REPLACED');
CREATE INDEX notification_read_idx ON notification (created_at) WHERE read_at IS NOT NULL;
