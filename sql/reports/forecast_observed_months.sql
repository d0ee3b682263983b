-- The forecast's backtest (docs/reports.md#forecast): for each calendar month after the
-- month of $1 (the day the backtested forecast was made) and before the month of $2 (the
-- last completed run's as_of), what happened: the permits under supervision on the month's
-- last day (enrolled on or before it, not ended by it) and the reviews opened in the month;
-- of the basis $3 only, or of every basis where $3 is NULL.
WITH month_ AS (
    SELECT m::date AS first_day, supervision.month_end(m::date) AS last_day
    FROM generate_series(date_trunc('month', $1::date) + interval '1 month',
                         date_trunc('month', $2::date) - interval '1 month', interval '1 month') AS m
), enrolment AS (
    SELECT sp.enrolled_on, sp.ended_on
    FROM supervision.supervised_permit sp
    JOIN registry.permit p ON p.permit_id = sp.permit_id
    WHERE $3::text IS NULL OR p.basis = $3::text
), review AS (
    SELECT r.opened_on
    FROM supervision.revocation_review r
    JOIN registry.permit p ON p.permit_id = r.permit_id
    WHERE $3::text IS NULL OR p.basis = $3::text
)
SELECT to_char(m.first_day, 'YYYY-MM') AS month,
       (SELECT count(*) FROM enrolment e
        WHERE e.enrolled_on <= m.last_day AND (e.ended_on IS NULL OR e.ended_on > m.last_day)) AS supervised,
       (SELECT count(*) FROM review r WHERE r.opened_on BETWEEN m.first_day AND m.last_day) AS reviews
FROM month_ m
ORDER BY m.first_day
