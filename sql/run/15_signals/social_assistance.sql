-- rules.md §5 social_assistance: a basic_social_assistance payment whose period overlaps
-- one of the last N evaluation months (benefits), or any of them where fewer exist.
-- $1 as_of.
WITH n AS MATERIALIZED (
    SELECT pg_temp.param('social_assistance_months', '*', '*', $1)::integer AS months,
           pg_temp.param_since('social_assistance_months', '*', '*', $1) AS since
), windows AS (
    SELECT a.permit_id, a.person_id, a.grace_months,
           greatest(a.first_month, (a.benefits_last_month - make_interval(months => n.months - 1))::date) AS window_first,
           supervision.month_end(a.benefits_last_month) AS window_last, n.months, n.since
    FROM pg_temp.active_permit a
    JOIN pg_temp.signal_scope ss
      ON ss.signal_type = 'social_assistance' AND ss.basis = a.basis AND ss.sequence IN (a.sequence, '*')
    CROSS JOIN n
    WHERE a.benefits_last_month >= a.first_month
)
INSERT INTO pg_temp.signal_now (permit_id, person_id, signal_type, period_start, period_end, evidence)
SELECT w.permit_id, w.person_id, 'social_assistance', w.window_first, w.window_last,
       jsonb_build_object(
           'payments', jsonb_agg(jsonb_build_object('payment_id', b.payment_id, 'period_start', b.period_start,
                                                    'period_end', b.period_end, 'amount', b.amount)
                                 ORDER BY b.period_start, b.payment_id),
           'window_months', jsonb_build_object('value', w.months, 'in_force_from', w.since),
           'grace_months', w.grace_months,
           'benefits_complete_through', (SELECT complete_through FROM pg_temp.register WHERE source = 'benefits'))
FROM windows w
JOIN registry.benefit_payment b
  ON b.person_id = w.person_id
 AND b.benefit = 'basic_social_assistance'
 AND b.period_start <= w.window_last
 AND b.period_end >= w.window_first
 AND b.period_end <= $1
 AND NOT EXISTS (SELECT 1 FROM pg_temp.rejected_now x WHERE x.source = 'benefit_payment' AND x.source_key = b.payment_id)
GROUP BY w.permit_id, w.person_id, w.window_first, w.window_last, w.months, w.since, w.grace_months
