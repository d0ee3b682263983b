-- rules.md §5 no_income, the work history: for each person whose permit no_income looks at,
-- their work-based permits (specialist, eu_blue_card, employed, other_work, self_employed,
-- growth_entrepreneur) while granted, overlaps counted once (PostgreSQL range_agg). A
-- revoked or withdrawn permit counts up to the day before its status_date; rejected
-- permits do not count (docs/rules.md). Two figures of it:
-- - days: the days covered up to as_of (validity clipped at as_of): the rule's figure;
-- - long_from: the day the history reaches long_work_history_days, given the permits as
--   registered (NULL when it never does). days ≥ long_work_history_days exactly when
--   as_of ≥ long_from, and long_from stays the same from day to day: the signal's evidence
--   cites it, and the recheck day is it (recheck.sql). $1 as_of.
WITH required AS MATERIALIZED (
    SELECT pg_temp.param('long_work_history_days', '*', '*', $1)::integer AS days
), scoped AS (
    SELECT DISTINCT a.person_id
    FROM pg_temp.active_permit a
    JOIN pg_temp.signal_scope ss
      ON ss.signal_type = 'no_income' AND ss.basis = a.basis AND ss.sequence IN (a.sequence, '*')
    WHERE a.incomes_last_month IS NOT NULL
), held AS (
    -- pg_temp.bounded: the filter on held_until may run before the rejected permits are
    -- left out, and a date out of the registers' range would make it fail.
    SELECT w.person_id, pg_temp.bounded(w.valid_from) AS valid_from,
           least(pg_temp.bounded(w.valid_until),
                 CASE WHEN w.status IN ('revoked', 'withdrawn') THEN pg_temp.bounded(w.status_date) - 1 END) AS held_until
    FROM registry.permit w
    WHERE w.person_id IN (SELECT person_id FROM scoped)
      AND w.basis IN ('specialist', 'eu_blue_card', 'employed', 'other_work', 'self_employed', 'growth_entrepreneur')
      AND w.status IN ('granted', 'revoked', 'withdrawn')
      AND NOT EXISTS (SELECT 1 FROM pg_temp.rejected_now x WHERE x.source = 'permit' AND x.source_key = w.permit_id)
), spans AS (
    -- The history's disjoint spans ([) ranges), with the days up to the end of each.
    SELECT person_id, lower(r) AS first_day, upper(r) AS after_last,
           sum(upper(r) - lower(r)) OVER (PARTITION BY person_id ORDER BY lower(r))::integer AS days_through
    FROM (SELECT person_id, unnest(range_agg(daterange(valid_from, held_until, '[]'))) AS r
          FROM held WHERE held_until >= valid_from GROUP BY person_id) u
), history AS (
    SELECT s.person_id,
           sum(greatest(0, least(s.after_last, $1::date + 1) - s.first_day)) AS days,
           min(s.first_day + (q.days - (s.days_through - (s.after_last - s.first_day)))::integer - 1)
               FILTER (WHERE s.days_through >= q.days) AS long_from
    FROM spans s CROSS JOIN required q
    GROUP BY s.person_id
)
INSERT INTO pg_temp.work_history (person_id, days, long_from)
SELECT s.person_id, coalesce(h.days, 0), h.long_from
FROM scoped s LEFT JOIN history h ON h.person_id = s.person_id
