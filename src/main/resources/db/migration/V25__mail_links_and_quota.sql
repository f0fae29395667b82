-- Mails that carry a live single-use link (set password, reset, confirmation): link_kind says which, for whom
-- (link_owner), so that the module owning the link can issue a fresh one. Their body is blanked once sent (or
-- failed for good): no working link stays readable in the database, and the admins' page never shows it.
-- REPLACED: a failed link mail whose resend was asked; a new mail with a fresh link took its place.
ALTER TABLE mail_outbox ADD COLUMN link_kind VARCHAR(40);
ALTER TABLE mail_outbox ADD COLUMN link_owner BIGINT;
ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_status_check;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_status_check
    CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'REPLACED'));

-- Links already sent before this version: blanked too (their tokens may still be live).
UPDATE mail_outbox SET link_kind = 'ANCIENT',
       html_body = '<p>(Contenu effacé : ce courriel contenait un lien personnel.)</p>',
       text_body = '(Contenu effacé : ce courriel contenait un lien personnel.)'
WHERE status IN ('SENT', 'FAILED') AND text_body LIKE '%jeton=%';

-- How many mails were sent to one address, or because of one client address, in the current window: a fixed window
-- counted by one atomic INSERT … ON CONFLICT … DO UPDATE … RETURNING, shared by every instance.
CREATE TABLE mail_quota (
    quota_key     VARCHAR(300) PRIMARY KEY,
    used          INTEGER      NOT NULL,
    window_start  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX mail_quota_window_idx ON mail_quota (window_start);
