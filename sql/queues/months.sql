-- Decided ÷ opened per queue and calendar month, the productivity measure the authority
-- reports: reviews decided (closed, by closed_on) in the month ÷ reviews opened in it.
-- Every month from the first with a review opened or decided through the later of the
-- month of $1 and the last month with one, for every queue of a review and those named in
-- $2, and for all queues together (queue NULL, last); NULL ratio when none was opened.
-- $1 date, $2 text[].
WITH keys AS (
    SELECT queue FROM supervision.revocation_review
    UNION SELECT unnest($2::text[])
    UNION ALL SELECT NULL
), span AS (
    SELECT least(min(date_trunc('month', opened_on::timestamp)), date_trunc('month', $1::date::timestamp)) AS first,
           greatest(max(date_trunc('month', opened_on::timestamp)), max(date_trunc('month', closed_on::timestamp)),
                    date_trunc('month', $1::date::timestamp)) AS last
    FROM supervision.revocation_review
), months AS (
    SELECT m::date AS month FROM span, generate_series(span.first, span.last, interval '1 month') m
), opened AS (
    SELECT queue, date_trunc('month', opened_on::timestamp)::date AS month, count(*) AS n
    FROM supervision.revocation_review GROUP BY ROLLUP (queue), 2
), decided AS (
    SELECT queue, date_trunc('month', closed_on::timestamp)::date AS month, count(*) AS n
    FROM supervision.revocation_review WHERE status = 'closed' GROUP BY ROLLUP (queue), 2
)
SELECT k.queue, to_char(m.month, 'YYYY-MM') AS month, coalesce(o.n, 0) AS opened, coalesce(d.n, 0) AS decided,
       round(coalesce(d.n, 0)::numeric / nullif(o.n, 0), 2) AS decided_per_opened
FROM keys k
CROSS JOIN months m
LEFT JOIN opened o ON o.queue IS NOT DISTINCT FROM k.queue AND o.month = m.month
LEFT JOIN decided d ON d.queue IS NOT DISTINCT FROM k.queue AND d.month = m.month
ORDER BY k.queue IS NULL, k.queue, m.month
