-- rules.md §6.1: a permit with an open or hearing review gets its new unreviewed open
-- signals linked to that review, and no new review. Only the reviews this run holds
-- locked (lock.sql): none of them can close before the run commits. $1 run_id.
UPDATE supervision.signal s
SET review_id = l.review_id, linked_run = $1
FROM pg_temp.review_locked l
WHERE l.permit_id = s.permit_id AND s.status = 'open' AND s.review_id IS NULL
RETURNING s.signal_id
