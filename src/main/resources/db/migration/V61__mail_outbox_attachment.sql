-- A mail of the outbox may carry one attachment (the .ics of a training session): its name, media type and bytes,
-- kept with the mail until it is purged like the rest of it.
ALTER TABLE mail_outbox
    ADD COLUMN attachment_name VARCHAR(200),
    ADD COLUMN attachment_type VARCHAR(100),
    ADD COLUMN attachment_body BYTEA,
    ADD CONSTRAINT mail_outbox_attachment_whole
        CHECK ((attachment_name IS NULL) = (attachment_body IS NULL) AND (attachment_name IS NULL) = (attachment_type IS NULL));
