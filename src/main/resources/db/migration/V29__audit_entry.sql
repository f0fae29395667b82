-- The journal of decisions that change who may do what (adhesions, accounts, offers): who, when, what, why.
-- Append-only: the application only inserts, and PostgreSQL refuses any UPDATE, DELETE or TRUNCATE.

CREATE TABLE audit_entry (
    id             BIGSERIAL    PRIMARY KEY,
    occurred_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    actor_id       BIGINT,
    actor_name     VARCHAR(220) NOT NULL,
    action         VARCHAR(40)  NOT NULL,
    subject_type   VARCHAR(20)  NOT NULL CHECK (subject_type IN ('COLLECTIVITY', 'ACCOUNT', 'OFFER')),
    subject_id     BIGINT       NOT NULL,
    subject_label  VARCHAR(400) NOT NULL,
    detail         TEXT
);
-- the journal, newest first, whole or for one kind of decision; the subject filter is « contains »
CREATE INDEX audit_entry_occurred_idx ON audit_entry (occurred_at DESC, id DESC);
CREATE INDEX audit_entry_action_idx ON audit_entry (action, occurred_at DESC, id DESC);
CREATE INDEX audit_entry_subject_trgm_idx ON audit_entry USING GIN (lower(subject_label) gin_trgm_ops);

CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'Le journal des décisions ne se modifie pas (% refusé sur audit_entry)', TG_OP;
END
$$;
CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
