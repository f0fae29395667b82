-- Internal notes (issue 11): ID77 staff write on a request what only staff read. A note is a row of the thread's table
-- marked internal, its files rows of the files' table marked internal, so that they share the thread's and the files'
-- machinery (allow-list, atomic write, double-post token); every reader that a collectivity reaches filters them out.
ALTER TABLE request_comment ADD COLUMN internal BOOLEAN NOT NULL DEFAULT false;
-- a note is written by staff and answers nothing
ALTER TABLE request_comment ADD CONSTRAINT request_comment_note_check
    CHECK (NOT internal OR (from_staff AND parent_id IS NULL));
ALTER TABLE request_comment ADD CONSTRAINT request_comment_id_internal_uq UNIQUE (id, internal);
-- a message of the thread never answers a note (a forged « Répondre » would show its author to the collectivity)
ALTER TABLE request_comment ADD CONSTRAINT request_comment_parent_same_side_fk
    FOREIGN KEY (parent_id, internal) REFERENCES request_comment (id, internal);

ALTER TABLE request_attachment ADD COLUMN internal BOOLEAN NOT NULL DEFAULT false;
-- an internal file belongs to a note, and a file sent with a message is exactly as internal as the message
ALTER TABLE request_attachment ADD CONSTRAINT request_attachment_note_check CHECK (NOT internal OR comment_id IS NOT NULL);
ALTER TABLE request_attachment ADD CONSTRAINT request_attachment_comment_same_side_fk
    FOREIGN KEY (comment_id, internal) REFERENCES request_comment (id, internal);

-- The files of notes do not take the collectivity's space (V42): it is shown on its pages, and a number that moves
-- when nothing visible changed would tell it that staff wrote something.
CREATE OR REPLACE FUNCTION collectivity_storage_use_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.internal THEN
            RETURN NULL;
        END IF;
        INSERT INTO collectivity_storage_use (collectivity_id, bytes)
        SELECT r.collectivity_id, NEW.size_bytes FROM request r WHERE r.id = NEW.request_id
        ON CONFLICT (collectivity_id) DO UPDATE SET bytes = collectivity_storage_use.bytes + EXCLUDED.bytes;
    ELSE
        IF OLD.internal THEN
            RETURN NULL;
        END IF;
        UPDATE collectivity_storage_use u SET bytes = u.bytes - OLD.size_bytes
        FROM request r WHERE r.id = OLD.request_id AND u.collectivity_id = r.collectivity_id;
    END IF;
    RETURN NULL;
END
$$;

-- The thread, its files and the exports' counts read only what the collectivity sees; each reads it from an index of
-- those rows alone, as before (index-only counts in the exports), and the notes of a request from their own.
DROP INDEX request_comment_request_idx;
CREATE INDEX request_comment_request_idx ON request_comment (request_id, created_at) WHERE NOT internal;
CREATE INDEX request_comment_note_idx ON request_comment (request_id, created_at) WHERE internal;
DROP INDEX request_attachment_request_idx;
CREATE INDEX request_attachment_request_idx ON request_attachment (request_id, created_at) WHERE NOT internal;
CREATE INDEX request_attachment_note_idx ON request_attachment (request_id, created_at) WHERE internal;
