-- Forecast input (docs/reports.md#forecast): per basis, the permits under supervision on
-- $1 (the forecast's as_of: enrolled on or before it, not ended by it), counted on $1
-- (month_index -1) and, for month i = 0..$2 after the month of $1 (0: that month itself),
-- while their validity still runs on the month's last day. Reads only what was known on $1,
-- so that a forecast made on an earlier day can be made again (the backtest).
SELECT p.basis, i.month_index::integer AS month_index, count(*) AS permits
FROM supervision.supervised_permit sp
JOIN registry.permit p ON p.permit_id = sp.permit_id
CROSS JOIN generate_series(-1, $2::integer) AS i(month_index)
WHERE sp.enrolled_on <= $1::date
  AND (sp.ended_on IS NULL OR sp.ended_on > $1::date)
  AND (i.month_index < 0
       OR pg_temp.bounded(p.valid_until)
          >= supervision.month_end((date_trunc('month', $1::date) + make_interval(months => i.month_index))::date))
GROUP BY p.basis, i.month_index
ORDER BY p.basis, i.month_index
