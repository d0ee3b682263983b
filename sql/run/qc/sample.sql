-- Issue 4, quality control: a reproducible random sample of the permits under supervision
-- (enrolled, not ended, not rejected) that have no open signal and no open or hearing
-- review after this run, for manual control of what the automation did not flag.
-- The draw orders by md5(as_of || permit_id): the same day draws the same permits, and a
-- permit's place does not depend on the others. One sample per as_of: a rerun of the day
-- keeps the sample already drawn. $1 as_of, $2 run_id, $3 sample size. Returns the
-- day's sample size.
WITH population AS (
    SELECT sp.permit_id, sp.line_id
    FROM supervision.evaluated_permit sp
    WHERE NOT EXISTS (SELECT 1 FROM supervision.signal s WHERE s.permit_id = sp.permit_id AND s.status = 'open')
      AND NOT EXISTS (SELECT 1 FROM supervision.revocation_review r
                      WHERE r.permit_id = sp.permit_id AND r.status IN ('open', 'hearing'))
), chosen AS (
    -- The first $3 in the draw's order, kept in one pass (a top-N sort), then ranked.
    SELECT permit_id, line_id, md5($1::date::text || permit_id) AS draw
    FROM population
    WHERE NOT EXISTS (SELECT 1 FROM supervision.qc_sample q WHERE q.as_of = $1::date)
    ORDER BY draw, permit_id
    LIMIT $3
), drawn AS (
    INSERT INTO supervision.qc_sample (as_of, permit_id, run_id, line_id, draw_rank)
    SELECT $1::date, permit_id, $2, line_id, row_number() OVER (ORDER BY draw, permit_id)
    FROM chosen
    RETURNING 1
)
SELECT (SELECT count(*) FROM drawn)
     + (SELECT count(*) FROM supervision.qc_sample q WHERE q.as_of = $1::date) AS permits
