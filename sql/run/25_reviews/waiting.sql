-- The unreviewed open signals of evaluated permits whose open or hearing review a
-- supervisor was changing when the run looked (lock.sql skipped it): they stay unreviewed,
-- the permit is no candidate while its review is open, and the next run links them.
SELECT count(*) AS signals
FROM supervision.signal s
JOIN supervision.revocation_review r ON r.permit_id = s.permit_id AND r.status IN ('open', 'hearing')
WHERE s.status = 'open' AND s.review_id IS NULL
  AND EXISTS (SELECT 1 FROM supervision.evaluated_permit a WHERE a.permit_id = s.permit_id)
  AND NOT EXISTS (SELECT 1 FROM pg_temp.review_locked l WHERE l.review_id = r.review_id)
