-- rules.md §6.4: the signals a review was opened on are linked to it. $1 run_id.
UPDATE supervision.signal s
SET review_id = r.review_id, linked_run = $1
FROM supervision.revocation_review r
WHERE r.opened_run = $1 AND r.permit_id = s.permit_id AND s.status = 'open' AND s.review_id IS NULL
RETURNING s.signal_id
