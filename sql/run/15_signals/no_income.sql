-- rules.md §5 no_income: the last N evaluation months (incomes) exist and all have zero
-- income. N is the allowed unemployment period in force on as_of: the general one, or
-- the long one (from 2025-06-11) for specialists, EU Blue Card holders and persons whose
-- work-based permits cover at least long_work_history_days (13_prepare/work_history.sql).
-- $1 as_of.
WITH p AS MATERIALIZED (
    SELECT pg_temp.param('unemployment_months', '*', '*', $1)::integer AS general_months,
           pg_temp.param_since('unemployment_months', '*', '*', $1) AS general_since,
           pg_temp.param('unemployment_months_long', '*', '*', $1)::integer AS long_months,
           pg_temp.param_since('unemployment_months_long', '*', '*', $1) AS long_since,
           pg_temp.param('long_work_history_days', '*', '*', $1)::integer AS required_history_days
), scoped AS (
    SELECT a.*
    FROM pg_temp.active_permit a
    JOIN pg_temp.signal_scope ss
      ON ss.signal_type = 'no_income' AND ss.basis = a.basis AND ss.sequence IN (a.sequence, '*')
    WHERE a.incomes_last_month IS NOT NULL
), n AS (
    SELECT s.*, coalesce(h.days, 0) AS history_days, h.long_from,
           CASE WHEN p.required_history_days IS NULL THEN 'general'
                WHEN s.basis IN ('specialist', 'eu_blue_card') THEN 'basis'
                WHEN coalesce(h.days, 0) >= p.required_history_days THEN 'work_history'
                ELSE 'general' END AS period_rule,
           p.*
    FROM scoped s CROSS JOIN p LEFT JOIN pg_temp.work_history h ON h.person_id = s.person_id
), windows AS (
    SELECT n.*,
           CASE WHEN period_rule = 'general' THEN general_months ELSE long_months END AS months,
           CASE WHEN period_rule = 'general' THEN general_since ELSE long_since END AS months_since
    FROM n
), checked AS (
    SELECT w.*, (w.incomes_last_month - make_interval(months => w.months - 1))::date AS window_first
    FROM windows w
    WHERE w.incomes_last_month - make_interval(months => w.months - 1) >= w.first_month
)
INSERT INTO pg_temp.signal_now (permit_id, person_id, signal_type, period_start, period_end, evidence)
SELECT c.permit_id, c.person_id, 'no_income', c.window_first, supervision.month_end(c.incomes_last_month),
       jsonb_build_object(
           'months', (SELECT jsonb_agg(to_char(m, 'YYYY-MM') ORDER BY m)
                      FROM generate_series(c.window_first, c.incomes_last_month, interval '1 month') m),
           'income_in_months', 0,
           'unemployment_months', jsonb_build_object('value', c.months, 'in_force_from', c.months_since,
                                                     'rule', c.period_rule),
           'long_work_history_from', c.long_from,
           'long_work_history_days', c.required_history_days,
           'grace_months', c.grace_months,
           'incomes_complete_through', (SELECT complete_through FROM pg_temp.register WHERE source = 'incomes'))
FROM checked c
WHERE NOT EXISTS (SELECT 1 FROM pg_temp.person_month pm
                  WHERE pm.person_id = c.person_id AND pm.month BETWEEN c.window_first AND c.incomes_last_month
                    AND pm.income <> 0)
