-- The persons whose monthly income figures the signals read, and from which day
-- (income_read.sql reads no other rows):
-- - student_work_hours_exceeded: the hours of the year of as_of and the one before;
-- - income_below_requirement and no_income: their windows of evaluation months, counted
--   back from the last one over the longest window in force on as_of.
-- Rows dated after as_of matter only to the first (a window ends before as_of), so they are
-- read in the same months. $1 as_of.
WITH w AS MATERIALIZED (
    SELECT greatest(pg_temp.param('income_window_months', '*', '*', $1), pg_temp.param('unemployment_months', '*', '*', $1),
                    pg_temp.param('unemployment_months_long', '*', '*', $1))::integer AS months
)
INSERT INTO pg_temp.income_person (person_id, first_day)
SELECT a.person_id, min(d.day)
FROM pg_temp.active_permit a
JOIN pg_temp.signal_scope ss ON ss.basis = a.basis AND ss.sequence IN (a.sequence, '*')
CROSS JOIN w
CROSS JOIN LATERAL (
    SELECT CASE WHEN ss.signal_type = 'student_work_hours_exceeded'
                    THEN make_date(extract(year FROM $1::date)::integer - 1, 1, 1)
                WHEN ss.signal_type IN ('income_below_requirement', 'no_income')
                    THEN (a.incomes_last_month - make_interval(months => w.months - 1))::date END AS day) d
WHERE d.day IS NOT NULL
GROUP BY a.person_id
