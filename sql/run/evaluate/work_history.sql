-- rules.md §5 no_income, the work history: for each person whose permit no_income looks at,
-- the days their work-based permits (specialist, eu_blue_card, employed, other_work,
-- self_employed, growth_entrepreneur) were granted, their validity clipped at as_of,
-- overlaps counted once (PostgreSQL range_agg). A revoked or withdrawn permit counts up to
-- the day before its status_date; rejected permits do not count (docs/rules.md). Kept
-- apart from the signal because the recheck day depends on it too (recheck.sql). $1 as_of.
WITH scoped AS (
    SELECT DISTINCT a.person_id
    FROM pg_temp.active_permit a
    JOIN pg_temp.signal_scope ss
      ON ss.signal_type = 'no_income' AND ss.basis = a.basis AND ss.sequence IN (a.sequence, '*')
    WHERE a.incomes_last_month IS NOT NULL
), held AS (
    SELECT w.person_id, w.valid_from,
           least(w.valid_until, $1,
                 CASE WHEN w.status IN ('revoked', 'withdrawn') THEN w.status_date - 1 END) AS held_until
    FROM registry.permit w
    WHERE w.person_id IN (SELECT person_id FROM scoped)
      AND w.basis IN ('specialist', 'eu_blue_card', 'employed', 'other_work', 'self_employed', 'growth_entrepreneur')
      AND w.status IN ('granted', 'revoked', 'withdrawn')
      AND NOT EXISTS (SELECT 1 FROM pg_temp.rejected_now x WHERE x.source = 'permit' AND x.source_key = w.permit_id)
), history AS (
    SELECT person_id, sum(upper(r) - lower(r)) AS days
    FROM (SELECT person_id, unnest(range_agg(daterange(valid_from, held_until, '[]'))) AS r
          FROM held WHERE held_until >= valid_from GROUP BY person_id) u
    GROUP BY person_id
)
INSERT INTO pg_temp.work_history (person_id, days)
SELECT s.person_id, coalesce(h.days, 0)
FROM scoped s LEFT JOIN history h ON h.person_id = s.person_id
