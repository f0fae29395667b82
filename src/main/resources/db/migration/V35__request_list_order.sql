-- The « Demandes » list at the département's scale (100,000 requests, issue 13). Its order (newest first, the number
-- breaking ties) had no index: every page sorted the whole table, or the whole status. Now an index holds the list in
-- that order, for everyone (admins) and per status tab, with the number in it: a page finds its 20 numbers in the
-- index alone (an index-only scan that skips the rows before it without reading them), forwards or, for a page in the
-- second half of the list, backwards from the end. « Anciennes d'abord » reads the same indexes backwards.
CREATE INDEX request_list_idx ON request (created_at DESC, numero DESC);
DROP INDEX request_status_idx;
CREATE INDEX request_status_idx ON request (status, created_at DESC, numero DESC);
-- A collectivity's list (its members): its own requests in the list's order.
CREATE INDEX request_collectivity_list_idx ON request (collectivity_id, created_at DESC, numero DESC);
