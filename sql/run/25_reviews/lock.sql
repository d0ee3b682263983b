-- rules.md §6: the open and hearing reviews that get new signals this run, as the
-- supervisors last committed them, locked until the run commits. A supervisor's change
-- to one of them waits for the run's commit; a review closed before this statement is
-- not found (READ COMMITTED follows the row to its latest version and checks it again),
-- so no signal is linked to a review whose closing committed before the link.
-- SKIP LOCKED: a review that a supervisor's transaction is changing at this moment is
-- left alone; its permit's signals wait, unreviewed, for the next run (waiting.sql), and
-- the run never waits for a supervisor.
INSERT INTO pg_temp.review_locked (review_id, permit_id)
SELECT r.review_id, r.permit_id
FROM supervision.revocation_review r
WHERE r.status IN ('open', 'hearing')
  AND EXISTS (SELECT 1 FROM supervision.signal s
              WHERE s.permit_id = r.permit_id AND s.status = 'open' AND s.review_id IS NULL)
  AND EXISTS (SELECT 1 FROM supervision.evaluated_permit a WHERE a.permit_id = r.permit_id)
FOR NO KEY UPDATE OF r SKIP LOCKED
