-- Catalogue administration: admins create and edit offers, assign chefs de file, manage organisations.

-- « O1 » and « O01 » are the same identifier (the catalogue matches codes by letter and number):
-- only one offer may hold it.
CREATE UNIQUE INDEX offer_code_key_idx ON offer (code_letter, code_number);

-- Who changed an offer last (an account id, like every reference to another module), and when it was
-- first published: an offer created unpublished has no publication date until it is published.
ALTER TABLE offer ADD COLUMN updated_by BIGINT;
ALTER TABLE offer ALTER COLUMN published_on DROP NOT NULL;
ALTER TABLE offer ADD CONSTRAINT offer_published_has_date CHECK (NOT published OR published_on IS NOT NULL);

-- The admin list sorts by last change.
CREATE INDEX offer_updated_idx ON offer (updated_at DESC);
CREATE INDEX offer_organisation_idx ON offer (organisation_id);

-- Organisations are now named by admins: one name, one organisation; two admins renaming at once conflict.
CREATE UNIQUE INDEX organisation_name_idx ON organisation (lower(name));
ALTER TABLE organisation ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
