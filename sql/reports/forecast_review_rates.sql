-- Forecast input (docs/reports.md): per queue, the reviews opened in the 12 months up to
-- $1 (the last completed run's as_of), add_months($1, -12) < opened_on ≤ $1, and the
-- permit-days under supervision in the same window (a permit is under supervision from
-- its enrolled_on up to the day before its ended_on). A permit's queue is its basis's
-- queue: $2 bases and $3 queues are parallel arrays from the configuration; a basis in
-- none goes to 'general' (rules.md §6). Every configured queue gets a row.
WITH window_ AS (
    SELECT supervision.add_months($1::date, -12) + 1 AS first_day, $1::date + 1 AS after_last
), basis_queue AS (
    SELECT * FROM unnest($2::text[], $3::text[]) AS m(basis, queue)
), queues AS (
    SELECT DISTINCT queue FROM basis_queue UNION SELECT 'general'
), days AS (
    SELECT coalesce(bq.queue, 'general') AS queue,
           sum(greatest(least(coalesce(sp.ended_on, w.after_last), w.after_last)
                        - greatest(sp.enrolled_on, w.first_day), 0)) AS permit_days
    FROM supervision.supervised_permit sp
    JOIN registry.permit p ON p.permit_id = sp.permit_id
    LEFT JOIN basis_queue bq ON bq.basis = p.basis
    CROSS JOIN window_ w
    GROUP BY 1
), opened AS (
    SELECT r.queue, count(*) AS reviews
    FROM supervision.revocation_review r CROSS JOIN window_ w
    WHERE r.opened_on >= w.first_day AND r.opened_on < w.after_last
    GROUP BY r.queue
)
SELECT q.queue, coalesce(o.reviews, 0) AS reviews, coalesce(d.permit_days, 0)::bigint AS permit_days
FROM (SELECT queue FROM queues UNION SELECT queue FROM opened) q
LEFT JOIN opened o ON o.queue = q.queue
LEFT JOIN days d ON d.queue = q.queue
ORDER BY q.queue
