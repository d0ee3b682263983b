-- The reviews of the holder's permits, oldest first. $1 text[] of permit ids.
SELECT review_id, permit_id, queue, priority, status, outcome, opened_on, opened_run, due_on, closed_on, evidence
FROM supervision.revocation_review WHERE permit_id = ANY ($1::text[]) ORDER BY opened_on, review_id
