-- Issue 11: « Compléments demandés » and answer deadlines.
--
-- A new status, COMPLEMENTS: ID77 asked the collectivity for information. The request remembers the status it left
-- (En attente or En cours), to go back to it when the collectivity transmits its compléments, and since when it waits
-- for them: the answer clock stops meanwhile, and the working days spent there are added to its deadlines.
ALTER TABLE request DROP CONSTRAINT request_status_check;
ALTER TABLE request ADD CONSTRAINT request_status_check
    CHECK (status IN ('EN_ATTENTE', 'EN_COURS', 'COMPLEMENTS', 'TERMINEE', 'REJETEE', 'ANNULEE', 'SUPPRIMEE'));
ALTER TABLE request ADD COLUMN status_before_complements VARCHAR(20)
    CHECK (status_before_complements IN ('EN_ATTENTE', 'EN_COURS'));
ALTER TABLE request ADD COLUMN complements_since TIMESTAMPTZ;
ALTER TABLE request ADD CONSTRAINT request_complements_remembered
    CHECK ((status = 'COMPLEMENTS') = (status_before_complements IS NOT NULL AND complements_since IS NOT NULL));

-- Each offer's targets, in working days from filing: the answer (the request leaves En attente, accepted or rejected),
-- set by the admins on the offer's form, and optionally the completion (Terminée).
ALTER TABLE offer ADD COLUMN answer_days INTEGER NOT NULL DEFAULT 10 CHECK (answer_days BETWEEN 1 AND 250);
ALTER TABLE offer ADD COLUMN completion_days INTEGER CHECK (completion_days BETWEEN 1 AND 1000);

-- A request's deadlines, computed by the application with the French public holidays (WorkingDays) when it is filed
-- and moved forward when it comes back from Compléments demandés:
--   answer_due      the last working day to answer it
--   completion_due  the last working day to complete it (null: its offer has no completion target)
--   due_on          the deadline running now: answer_due while En attente, completion_due while En cours, none
--                   otherwise (clock stopped during Compléments demandés, nothing due once closed). The list's
--                   « En retard » filter is due_on < today and its « retard » sort orders by due_on: plain SQL on a
--                   stored column, whatever the number of requests.
-- Requests filed before this version get theirs from V45 (a Java migration: the holidays are computed in Java).
ALTER TABLE request ADD COLUMN answer_due DATE;
ALTER TABLE request ADD COLUMN completion_due DATE;
ALTER TABLE request ADD COLUMN due_on DATE;

-- The late requests (the filter), most late first (the sort: requests with no deadline running last), in the list's
-- order within one due date; like the list's other indexes (V37) it holds what the scope and the filters read.
CREATE INDEX request_due_idx ON request (due_on ASC NULLS LAST, created_at DESC, numero DESC)
    INCLUDE (offer_id, responsable_id, chef_de_file_id, status, collectivity_id);

-- Statistics (V40): a request answered is one accepted or rejected before; rejected while waiting for compléments
-- asked before accepting it is answered too (one asked once accepted is past its first acceptance, min() keeps that).
CREATE OR REPLACE FUNCTION statistics_request_milestones(request BIGINT) RETURNS TABLE (decided TIMESTAMPTZ, completed TIMESTAMPTZ)
LANGUAGE sql STABLE AS $$
    SELECT min(created_at) FILTER (WHERE from_status IN ('EN_ATTENTE', 'COMPLEMENTS') AND to_status IN ('EN_COURS', 'REJETEE')),
           min(created_at) FILTER (WHERE to_status = 'TERMINEE')
    FROM request_event WHERE request_id = request AND kind = 'STATUS'
$$;
