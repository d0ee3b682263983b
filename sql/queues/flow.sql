-- The supervisors' queues on a day (docs/reports.md, "Queues: SLA and flow"): one row per
-- queue and one total row (queue NULL). Queues are those of any review or backlog entry
-- and those named in $2. Reviews as they stand now; ages counted to the day $1.
--   due_within_7_days  open or hearing, $1 ≤ due_on ≤ $1 + 7 (due on $1 is not overdue)
--   overdue            open or hearing, due_on < $1
--   open_age_*         $1 − opened_on of the open and hearing reviews
--   backlog_age_*      $1 − since of the backlog's permits (the first day of their stay)
--   decision_*         closed_on − opened_on of the closed reviews
--   month_*            reviews opened, and decided (closed), in the calendar month of $1
-- Medians and percentiles interpolate (percentile_cont), one decimal; NULL without rows.
-- $1 date, $2 text[].
WITH keys AS (
    SELECT queue FROM supervision.revocation_review
    UNION SELECT queue FROM supervision.review_backlog
    UNION SELECT unnest($2::text[])
    UNION ALL SELECT NULL
), month AS (
    SELECT date_trunc('month', $1::date::timestamp)::date AS first,
           supervision.month_end($1::date) AS last
), active AS (
    SELECT queue,
           count(*) FILTER (WHERE status = 'open') AS open,
           count(*) FILTER (WHERE status = 'hearing') AS hearing,
           count(*) FILTER (WHERE due_on >= $1::date AND due_on <= $1::date + 7) AS due_within_7_days,
           count(*) FILTER (WHERE due_on < $1::date) AS overdue,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY $1::date - opened_on) AS age_median,
           max($1::date - opened_on) AS age_max
    FROM supervision.revocation_review
    WHERE status IN ('open', 'hearing')
    GROUP BY ROLLUP (queue)
), closed AS (
    SELECT queue, count(*) AS closed,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY closed_on - opened_on) AS days_median,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY closed_on - opened_on) AS days_p90
    FROM supervision.revocation_review
    WHERE status = 'closed'
    GROUP BY ROLLUP (queue)
), backlog AS (
    SELECT queue, count(*) AS permits,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY $1::date - since) AS age_median,
           max($1::date - since) AS age_max
    FROM supervision.review_backlog
    GROUP BY ROLLUP (queue)
), flow AS (
    SELECT r.queue,
           count(*) FILTER (WHERE r.opened_on BETWEEN m.first AND m.last) AS opened,
           count(*) FILTER (WHERE r.status = 'closed' AND r.closed_on BETWEEN m.first AND m.last) AS decided
    FROM supervision.revocation_review r CROSS JOIN month m
    WHERE r.opened_on BETWEEN m.first AND m.last OR r.closed_on BETWEEN m.first AND m.last
    GROUP BY ROLLUP (r.queue)
)
SELECT k.queue,
       coalesce(a.open, 0) AS open,
       coalesce(a.hearing, 0) AS hearing,
       coalesce(a.due_within_7_days, 0) AS due_within_7_days,
       coalesce(a.overdue, 0) AS overdue,
       round(a.age_median::numeric, 1) AS open_age_median_days,
       a.age_max AS open_age_max_days,
       coalesce(b.permits, 0) AS backlog,
       round(b.age_median::numeric, 1) AS backlog_age_median_days,
       b.age_max AS backlog_age_max_days,
       coalesce(c.closed, 0) AS closed,
       round(c.days_median::numeric, 1) AS decision_median_days,
       round(c.days_p90::numeric, 1) AS decision_p90_days,
       to_char(m.first, 'YYYY-MM') AS month,
       coalesce(f.opened, 0) AS month_opened,
       coalesce(f.decided, 0) AS month_decided,
       round(coalesce(f.decided, 0)::numeric / nullif(f.opened, 0), 2) AS month_decided_per_opened
FROM keys k
CROSS JOIN month m
LEFT JOIN active a ON a.queue IS NOT DISTINCT FROM k.queue
LEFT JOIN closed c ON c.queue IS NOT DISTINCT FROM k.queue
LEFT JOIN backlog b ON b.queue IS NOT DISTINCT FROM k.queue
LEFT JOIN flow f ON f.queue IS NOT DISTINCT FROM k.queue
ORDER BY k.queue IS NULL, k.queue
