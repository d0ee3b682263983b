-- rules.md §6.1: a permit with an open or hearing review gets its new unreviewed open
-- signals linked to that review, and no new review.
UPDATE supervision.signal s
SET review_id = r.review_id
FROM supervision.revocation_review r
WHERE r.permit_id = s.permit_id AND r.status IN ('open', 'hearing')
  AND s.status = 'open' AND s.review_id IS NULL
  AND EXISTS (SELECT 1 FROM supervision.evaluated_permit a WHERE a.permit_id = s.permit_id)
RETURNING s.signal_id
