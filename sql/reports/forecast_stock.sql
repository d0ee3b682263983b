-- Forecast input (docs/reports.md): per basis and month i = 1..12 after the month of
-- $1 (the last completed run's as_of), the permits under supervision on $1 (enrolled, not
-- ended) whose validity still runs on the last day of month i. Revocations are not
-- foreseen.
SELECT p.basis, i.month_index::integer AS month_index, count(*) AS permits
FROM supervision.supervised_permit sp
JOIN registry.permit p ON p.permit_id = sp.permit_id
CROSS JOIN generate_series(1, 12) AS i(month_index)
WHERE sp.ended_on IS NULL
  AND p.valid_until >= supervision.month_end((date_trunc('month', $1::date) + make_interval(months => i.month_index))::date)
GROUP BY p.basis, i.month_index
ORDER BY p.basis, i.month_index
