-- A form posted twice (double click, back button, slow line) creates its request or comment once: each form
-- carries a one-time token, kept on the row it created, unique per person.
ALTER TABLE request ADD COLUMN form_token UUID;
CREATE UNIQUE INDEX request_form_token_uq ON request (created_by, form_token);
ALTER TABLE request_comment ADD COLUMN form_token UUID;
CREATE UNIQUE INDEX request_comment_form_token_uq ON request_comment (author_id, form_token);
