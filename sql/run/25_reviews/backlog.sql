-- rules.md §6.5: candidates not opened for lack of capacity stay in the backlog; `since`
-- keeps the first day of their current stay. Rows that would not change are not touched.
-- (Not by an anti-join over the backlog first: planned on the statistics of an empty
-- backlog, it scanned the backlog it was filling once per candidate, quadratic in them.)
-- $1 as_of.
INSERT INTO supervision.review_backlog (permit_id, person_id, queue, score, since, first_raised)
SELECT c.permit_id, c.person_id, c.queue, c.score, $1, c.first_raised
FROM pg_temp.candidate c
WHERE NOT EXISTS (SELECT 1 FROM supervision.revocation_review r
                  WHERE r.permit_id = c.permit_id AND r.status IN ('open', 'hearing'))
ON CONFLICT (permit_id) DO UPDATE
SET queue = EXCLUDED.queue, score = EXCLUDED.score, first_raised = EXCLUDED.first_raised
WHERE (review_backlog.queue, review_backlog.score, review_backlog.first_raised)
      IS DISTINCT FROM (EXCLUDED.queue, EXCLUDED.score, EXCLUDED.first_raised)
