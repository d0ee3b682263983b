-- Permits that left the backlog: opened, no longer candidates, or no longer supervised.
-- A permit rejected this run keeps its entry (rules.md §3).
DELETE FROM supervision.review_backlog b
WHERE NOT EXISTS (SELECT 1 FROM pg_temp.candidate c
                  WHERE c.permit_id = b.permit_id
                    AND NOT EXISTS (SELECT 1 FROM supervision.revocation_review r
                                    WHERE r.permit_id = c.permit_id AND r.status IN ('open', 'hearing')))
  AND NOT EXISTS (SELECT 1 FROM supervision.rejected_row_current x WHERE x.source = 'permit' AND x.source_key = b.permit_id)
RETURNING b.permit_id
