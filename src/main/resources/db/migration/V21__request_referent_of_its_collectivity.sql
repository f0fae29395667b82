-- A request names a technical referent of its own collectivity, or none: the database holds it too.
-- (Before this, another collectivity's referent id could be posted and its name then showed in the list.)
ALTER TABLE technical_referent ADD CONSTRAINT technical_referent_id_collectivity_key UNIQUE (id, collectivity_id);

-- Requests that named a referent of another collectivity (only possible through a forged form) name none.
UPDATE request r SET referent_id = NULL
WHERE r.referent_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM technical_referent t WHERE t.id = r.referent_id AND t.collectivity_id = r.collectivity_id);

ALTER TABLE request ADD CONSTRAINT request_referent_fk
    FOREIGN KEY (referent_id, collectivity_id) REFERENCES technical_referent (id, collectivity_id);
