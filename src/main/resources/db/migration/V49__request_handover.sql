-- Handover (issue 11): a request is given to another staff member, with a reason. Its history line names who received
-- it: the person a line is about, when it is not its actor.
ALTER TABLE request_event ADD COLUMN subject_id BIGINT;
