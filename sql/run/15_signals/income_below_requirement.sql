-- rules.md §5 income_below_requirement: the last W evaluation months (incomes) exist,
-- at least one has income > 0, and their average income is below their average
-- requirement. A month's requirement is the permit's own, else the configured one in
-- force on the month's first day for the basis and sequence. $1 as_of.
WITH w AS MATERIALIZED (
    SELECT pg_temp.param('income_window_months', '*', '*', $1)::integer AS months,
           pg_temp.param_since('income_window_months', '*', '*', $1) AS since
), permits AS (
    SELECT a.*, (a.incomes_last_month - make_interval(months => w.months - 1))::date AS window_first, w.months AS w,
           w.since AS w_since
    FROM pg_temp.active_permit a
    JOIN pg_temp.signal_scope ss
      ON ss.signal_type = 'income_below_requirement' AND ss.basis = a.basis AND ss.sequence IN (a.sequence, '*')
    CROSS JOIN w
    WHERE a.incomes_last_month - make_interval(months => w.months - 1) >= a.first_month
), calendar AS MATERIALIZED (
    -- The configured requirement per (basis, sequence, month), looked up once.
    SELECT k.basis, k.sequence, m.month::date AS month,
           pg_temp.param('monthly_income_requirement', k.basis, k.sequence, m.month::date) AS requirement,
           pg_temp.param_since('monthly_income_requirement', k.basis, k.sequence, m.month::date) AS since
    FROM (SELECT DISTINCT basis, sequence FROM permits) k
    CROSS JOIN generate_series((SELECT min(window_first) FROM permits), (SELECT max(incomes_last_month) FROM permits),
                               interval '1 month') m(month)
), months AS (
    -- A permit's window months are the calendar's between its first and last: a hash join on
    -- the key and a filter on the range. (A generate_series per permit the planner takes for
    -- 1 000 months each, and sorted the person-months for a merge join.)
    SELECT p.permit_id, p.person_id, p.window_first, p.incomes_last_month, p.w, p.w_since, p.grace_months,
           c.month, coalesce(pm.income, 0) AS income,
           coalesce(p.required_monthly_income, c.requirement) AS requirement,
           CASE WHEN p.required_monthly_income IS NOT NULL THEN 'permit' ELSE 'configuration' END AS requirement_source,
           CASE WHEN p.required_monthly_income IS NULL THEN c.since END AS requirement_since
    FROM permits p
    JOIN calendar c ON c.basis = p.basis AND c.sequence = p.sequence
                   AND c.month BETWEEN p.window_first AND p.incomes_last_month
    LEFT JOIN pg_temp.person_month pm ON pm.person_id = p.person_id AND pm.month = c.month
)
INSERT INTO pg_temp.signal_now (permit_id, person_id, signal_type, period_start, period_end, evidence)
SELECT permit_id, person_id, 'income_below_requirement', window_first, supervision.month_end(incomes_last_month),
       jsonb_build_object(
           'months', jsonb_agg(jsonb_build_object('month', to_char(month, 'YYYY-MM'), 'income', income,
                                                  'requirement', requirement, 'requirement_source', requirement_source,
                                                  'requirement_in_force_from', requirement_since) ORDER BY month),
           'average_income', round(avg(income), 2),
           'average_requirement', round(avg(requirement), 2),
           'window_months', jsonb_build_object('value', w, 'in_force_from', w_since),
           'grace_months', grace_months,
           'incomes_complete_through', (SELECT complete_through FROM pg_temp.register WHERE source = 'incomes'))
FROM months
GROUP BY permit_id, person_id, window_first, incomes_last_month, w, w_since, grace_months
HAVING count(requirement) = count(*)
   AND bool_or(income > 0)
   AND avg(income) < avg(requirement)
