-- Quality control: a reproducible random sample of the permits under supervision
-- (enrolled, not ended, not rejected) that have no open signal and no open or hearing
-- review after this run, for manual control of what the automation did not flag.
-- The draw orders by md5(as_of || permit_id), as_of written YYYY-MM-DD: the same day draws
-- the same permits, and a permit's place does not depend on the others. The first $2 in
-- that order, kept in one pass (a top-N sort), in order. $1 as_of (text), $2 sample size.
-- A query apart from the insert (save.sql): a reading query may be planned in parallel,
-- and hashing the whole supervised stock is most of the work.
SELECT sp.permit_id, sp.line_id
FROM supervision.evaluated_permit sp
WHERE NOT EXISTS (SELECT 1 FROM supervision.signal s WHERE s.permit_id = sp.permit_id AND s.status = 'open')
  AND NOT EXISTS (SELECT 1 FROM supervision.revocation_review r
                  WHERE r.permit_id = sp.permit_id AND r.status IN ('open', 'hearing'))
ORDER BY md5($1::text || sp.permit_id), sp.permit_id
LIMIT $2
