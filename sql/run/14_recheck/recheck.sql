-- docs/incremental.md: per evaluated person, the next day on which a result of theirs can
-- change although none of their rows does — the earliest date after as_of of:
-- - their permits' starts, the days after their ends, status dates, and three months after
--   each start (not_moved_to_finland): enrolment, end, validity, evaluation months, history;
-- - their population events, benefit periods' ends, notices' end days, study records' term
--   ends and income records' period ends dated after as_of (rules.md §1: counted from then);
-- - the status dates after as_of of their evaluated permits' companies;
-- - the day the work history becomes long (no_income; 13_prepare/work_history.sql).
-- Rejected rows are read too (a day too many costs one evaluation, never a wrong one), but
-- not a date out of pg_temp.day's range ('infinity'; such rows are rejected, rules.md §8):
-- the permits' dates are computed with, so they are read through pg_temp.day.
-- What changes for everyone at once (a new complete month, a dated parameter, the year) is
-- not here: the run compares those itself (sql/run/02_scope/). Runs after prepare (income_now,
-- work_history); evaluated_now.sql carries the days to the run's session. $1 as_of.
-- The persons are active_permit's, semi-joined: the planner sizes them from its statistics
-- (a CTE of them it took for 200, and probed the registers person by person in a full run).
WITH days AS (
    SELECT p.person_id, d.day
    FROM registry.permit p
    CROSS JOIN LATERAL (VALUES (pg_temp.day(p.valid_from)), (pg_temp.day(p.valid_until) + 1), (pg_temp.day(p.status_date)),
                               (supervision.add_months(pg_temp.day(p.valid_from), 3))) d(day)
    WHERE p.person_id IN (SELECT person_id FROM pg_temp.active_permit)
    UNION ALL
    SELECT e.person_id, e.event_date FROM registry.population_event e
    WHERE e.person_id IN (SELECT person_id FROM pg_temp.active_permit) AND e.event_date > $1
    UNION ALL
    SELECT b.person_id, b.period_end FROM registry.benefit_payment b
    WHERE b.person_id IN (SELECT person_id FROM pg_temp.active_permit) AND b.period_end > $1
    UNION ALL
    SELECT n.person_id, n.employment_ended_on FROM registry.employment_notice n
    WHERE n.person_id IN (SELECT person_id FROM pg_temp.active_permit) AND n.employment_ended_on > $1
    UNION ALL
    SELECT s.person_id, s.term_end FROM registry.study_record s
    WHERE s.person_id IN (SELECT person_id FROM pg_temp.active_permit) AND s.term_end > $1
    UNION ALL
    SELECT i.person_id, i.visible_on FROM pg_temp.income_now i WHERE i.visible_on IS NOT NULL
    UNION ALL
    SELECT a.person_id, c.status_date FROM pg_temp.active_permit a
    JOIN registry.company_status c ON c.company_id = a.company_id AND c.status_date > $1
    UNION ALL
    SELECT w.person_id, w.long_from FROM pg_temp.work_history w
)
INSERT INTO pg_temp.recheck_now (person_id, recheck_on)
SELECT person_id, min(day) FROM days WHERE day > $1 AND isfinite(day) GROUP BY person_id
