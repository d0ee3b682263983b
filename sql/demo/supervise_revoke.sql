-- The demo's supervisors (docs/demo-data.md), last step: the permit of a review closed
-- revoked is revoked in the register from the review's closed_on, as the authority's
-- decision would be loaded by the next extract; the next run ends its supervision
-- (revoked). Only a permit still granted on that day, within its validity, is changed.
UPDATE registry.permit p
SET status = 'revoked',
    status_date = r.closed_on,
    updated_at = greatest(p.updated_at, (r.closed_on + time '15:00') AT TIME ZONE 'Europe/Helsinki')
FROM supervision.revocation_review r
WHERE r.permit_id = p.permit_id AND r.outcome = 'revoked' AND r.closed_on <= $1::date
  AND p.status = 'granted' AND r.closed_on BETWEEN p.valid_from AND p.valid_until
  AND r.closed_on >= p.decision_date
