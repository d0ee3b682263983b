-- Forecast input (docs/reports.md): the permits granted in the 12 complete calendar
-- months before the month of $1 (the last completed run's as_of) that a coverage line in
-- force on $1 takes in (bases, sequence, validity, scope; the first matching line in
-- configuration order), per basis: how many, and how many of them are valid for at
-- least k months, k = 1..12 (survival by validity: valid_until + 1 ≥ add_months(valid_from, k)).
-- One row per (basis, k).
WITH window_ AS (
    SELECT (date_trunc('month', $1::date) - interval '12 months')::date AS first_day,
           date_trunc('month', $1::date)::date AS after_last
), granted AS (
    SELECT DISTINCT ON (p.permit_id) p.permit_id, p.basis, pg_temp.bounded(p.valid_from) AS valid_from,
           pg_temp.bounded(p.valid_until) AS valid_until
    FROM registry.permit p
    JOIN pg_temp.coverage_line l
      ON l.basis = p.basis AND l.sequence = p.sequence AND l.effective_from <= $1::date
    CROSS JOIN window_ w
    WHERE p.decision_date >= w.first_day AND p.decision_date < w.after_last
      -- pg_temp.bounded: a date out of the registers' range (rules.md §8) would make the
      -- date arithmetic fail.
      AND supervision.line_conditions_hold(pg_temp.bounded(p.valid_from), pg_temp.bounded(p.valid_until),
                                           pg_temp.bounded(p.decision_date),
                                           l.validity, l.validity_months, l.scope_field, l.scope_from)
    ORDER BY p.permit_id, l.ord
)
SELECT gr.basis, k::integer AS months, count(*) AS grants,
       count(*) FILTER (WHERE gr.valid_until + 1 >= supervision.add_months(gr.valid_from, k)) AS survivors
FROM granted gr
CROSS JOIN generate_series(1, 12) AS k
GROUP BY gr.basis, k
ORDER BY gr.basis, k
