-- Forecast input (docs/reports.md#forecast): the first permits valid on $1 (rules.md §1,
-- their status as it was on $1), decided by then, whose holder had no deceased event by
-- then, per basis and the month i = 0..$2 after the month of $1 in which the day after
-- their validity falls: the month an extension would start.
SELECT t.basis, t.month_index, count(*) AS permits
FROM (
    SELECT p.basis,
           ((extract(year FROM p.valid_until + 1) * 12 + extract(month FROM p.valid_until + 1))
            - (extract(year FROM $1::date) * 12 + extract(month FROM $1::date)))::integer AS month_index
    FROM registry.permit p
    WHERE p.sequence = 'first'
      AND p.decision_date <= $1::date
      AND pg_temp.day(p.valid_until) IS NOT NULL
      AND supervision.permit_valid_on($1::date, p.valid_from, p.valid_until, p.status, p.status_date)
      AND NOT EXISTS (SELECT 1 FROM registry.population_event e
                      WHERE e.person_id = p.person_id AND e.event_type = 'deceased' AND e.event_date <= $1::date)
) t
WHERE t.month_index BETWEEN 0 AND $2::integer
GROUP BY t.basis, t.month_index
ORDER BY t.basis, t.month_index
