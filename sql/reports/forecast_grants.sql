-- Forecast input (docs/reports.md#forecast): the permits whose validity started in the 12
-- complete calendar months before the month of $1 and that were decided by $1, per basis
-- and sequence: how many (starts), how many of them were no extension of a first permit
-- of the same holder and basis that ran out within 31 days before (new_starts; the
-- extensions are foreseen from the first permits instead), and for k = 0..$2 + 1:
-- survivors, those that match the validity of the first coverage line of their basis and
-- sequence (configuration order; the scope is met by permits decided from now on) and are
-- valid for at least k months (valid_until + 1 ≥ add_months(valid_from, k)), and offsets,
-- the first permits whose validity runs out so that the day after falls k calendar months
-- after the month of their valid_from. One row per (basis, sequence, k).
WITH window_ AS (
    SELECT (date_trunc('month', $1::date) - interval '12 months')::date AS first_day,
           date_trunc('month', $1::date)::date AS after_last
), first_line AS (
    SELECT DISTINCT ON (basis, sequence) basis, sequence, validity, validity_months
    FROM pg_temp.coverage_line
    ORDER BY basis, sequence, ord
), started AS (
    SELECT p.basis, p.sequence, p.valid_from, p.valid_until,
           p.sequence = 'extended' AND EXISTS (
               SELECT 1 FROM registry.permit f
               WHERE f.person_id = p.person_id AND f.basis = p.basis AND f.sequence = 'first'
                 AND pg_temp.day(f.valid_until) IS NOT NULL
                 AND f.valid_until + 1 BETWEEN p.valid_from - 30 AND p.valid_from) AS extension,
           fl.basis IS NOT NULL
               AND supervision.line_conditions_hold(p.valid_from, p.valid_until, p.decision_date, fl.validity,
                                                    fl.validity_months, 'decision_date', date '-infinity') AS matches,
           ((extract(year FROM p.valid_until + 1) * 12 + extract(month FROM p.valid_until + 1))
            - (extract(year FROM p.valid_from) * 12 + extract(month FROM p.valid_from)))::integer AS offset_months
    FROM registry.permit p
    CROSS JOIN window_ w
    LEFT JOIN first_line fl ON fl.basis = p.basis AND fl.sequence = p.sequence
    WHERE p.valid_from >= w.first_day AND p.valid_from < w.after_last
      AND p.decision_date <= $1::date
      AND pg_temp.day(p.valid_until) IS NOT NULL
      AND p.valid_until >= p.valid_from
      AND p.basis IS NOT NULL AND p.sequence IN ('first', 'extended')
)
SELECT s.basis, s.sequence, k::integer AS k, count(*) AS starts,
       count(*) FILTER (WHERE NOT s.extension) AS new_starts,
       count(*) FILTER (WHERE s.matches AND s.valid_until + 1 >= supervision.add_months(s.valid_from, k)) AS survivors,
       count(*) FILTER (WHERE s.sequence = 'first' AND s.offset_months = k) AS offsets
FROM started s
CROSS JOIN generate_series(0, $2::integer + 1) AS k
GROUP BY s.basis, s.sequence, k
ORDER BY s.basis, s.sequence, k
