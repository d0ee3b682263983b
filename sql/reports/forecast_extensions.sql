-- Forecast input (docs/reports.md#forecast): per basis, the first permits whose validity
-- ran out in the 12 complete calendar months before the month of $1 (valid_until + 1 in
-- that window; granted to their last day), and how many of them were followed by an
-- extended permit of the same holder and basis starting within 31 days after
-- (valid_from between valid_until + 1 and valid_until + 31) and decided by $1.
WITH window_ AS (
    SELECT (date_trunc('month', $1::date) - interval '12 months')::date AS first_day,
           date_trunc('month', $1::date)::date AS after_last
)
SELECT p.basis, count(*) AS ran_out,
       count(*) FILTER (WHERE EXISTS (
           SELECT 1 FROM registry.permit x
           WHERE x.person_id = p.person_id AND x.basis = p.basis AND x.sequence = 'extended'
             AND x.decision_date <= $1::date
             AND x.valid_from BETWEEN p.valid_until + 1 AND p.valid_until + 31)) AS extended
FROM registry.permit p
CROSS JOIN window_ w
WHERE p.sequence = 'first'
  AND pg_temp.day(p.valid_until) IS NOT NULL
  AND p.valid_until + 1 >= w.first_day AND p.valid_until + 1 < w.after_last
  AND p.decision_date <= $1::date
  AND (p.status = 'granted' OR (p.status IN ('revoked', 'withdrawn') AND p.status_date > p.valid_until))
GROUP BY p.basis
ORDER BY p.basis
