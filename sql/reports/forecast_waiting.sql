-- Forecast input (docs/reports.md#forecast): the permits valid on $1 (rules.md §1, their
-- status as it was on $1), decided by then, whose holder had no deceased event by then,
-- not enrolled by then, that match a coverage line coming into force after $1: per basis
-- and month i = 0..$2 after the month of $1, those still valid on the month's last day
-- under a matching line in force by that day. They are enrolled the night their line comes
-- into force (the stock decided before a line began).
WITH month_ AS (
    SELECT i::integer AS month_index,
           supervision.month_end((date_trunc('month', $1::date) + make_interval(months => i))::date) AS last_day
    FROM generate_series(0, $2::integer) AS i
), permit_ AS (
    SELECT p.permit_id, p.basis, p.sequence, pg_temp.bounded(p.valid_from) AS valid_from,
           pg_temp.bounded(p.valid_until) AS valid_until, pg_temp.bounded(p.decision_date) AS decision_date
    FROM registry.permit p
    WHERE p.decision_date <= $1::date
      AND supervision.permit_valid_on($1::date, p.valid_from, p.valid_until, p.status, p.status_date)
      AND NOT EXISTS (SELECT 1 FROM supervision.supervised_permit sp
                      WHERE sp.permit_id = p.permit_id AND sp.enrolled_on <= $1::date)
      AND NOT EXISTS (SELECT 1 FROM registry.population_event e
                      WHERE e.person_id = p.person_id AND e.event_type = 'deceased' AND e.event_date <= $1::date)
)
SELECT pm.basis, m.month_index, count(*) AS permits
FROM permit_ pm
JOIN month_ m ON pm.valid_until >= m.last_day
WHERE EXISTS (SELECT 1 FROM pg_temp.coverage_line l
              WHERE l.basis = pm.basis AND l.sequence = pm.sequence
                AND l.effective_from > $1::date AND l.effective_from <= m.last_day
                AND supervision.line_conditions_hold(pm.valid_from, pm.valid_until, pm.decision_date,
                                                     l.validity, l.validity_months, l.scope_field, l.scope_from))
GROUP BY pm.basis, m.month_index
ORDER BY pm.basis, m.month_index
