-- Issue 11 « Who is told »: a technical referent, who may have no account, receives the mails of the requests he follows
-- when his collectivity ticks it on the referent; every mail carries a link, with this token, to unsubscribe without
-- signing in.
ALTER TABLE technical_referent
    ADD COLUMN mail_opt_in        BOOLEAN  NOT NULL DEFAULT FALSE,
    ADD COLUMN unsubscribe_token  UUID     NOT NULL DEFAULT gen_random_uuid();
CREATE UNIQUE INDEX technical_referent_unsubscribe_idx ON technical_referent (unsubscribe_token);
