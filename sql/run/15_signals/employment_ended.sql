-- rules.md §5 employment_ended: an employer's notice (any employer) of an employment
-- ended within validity and on or before as_of, and no income in any complete month
-- (incomes) after the end month; while no complete month follows yet, the notice alone
-- raises it. The period starts at the earliest such end. $1 as_of.
WITH complete AS (
    SELECT CASE WHEN complete_through IS NULL THEN NULL
                ELSE supervision.last_month_end_on_or_before(least(complete_through, $1::date - 1)) END AS last_month_end,
           complete_through
    FROM pg_temp.register WHERE source = 'incomes'
), notices AS (
    SELECT a.permit_id, a.person_id, n.notice_id, n.employer_id, n.employment_ended_on,
           (date_trunc('month', n.employment_ended_on) + interval '1 month')::date AS first_month_after
    FROM pg_temp.active_permit a
    JOIN pg_temp.signal_scope ss
      ON ss.signal_type = 'employment_ended' AND ss.basis = a.basis AND ss.sequence IN (a.sequence, '*')
    JOIN registry.employment_notice n ON n.person_id = a.person_id
    WHERE n.employment_ended_on BETWEEN a.valid_from AND a.valid_until
      AND n.employment_ended_on <= $1
      AND NOT EXISTS (SELECT 1 FROM pg_temp.rejected_now x
                      WHERE x.source = 'employment_notice' AND x.source_key = n.notice_id)
), holding AS (
    SELECT n.*, c.last_month_end, c.complete_through
    FROM notices n CROSS JOIN complete c
    WHERE NOT EXISTS (
        SELECT 1 FROM registry.income_record r
        WHERE r.person_id = n.person_id
          AND r.gross_amount > 0
          AND r.period_end >= n.first_month_after
          AND r.period_end <= c.last_month_end
          AND NOT EXISTS (SELECT 1 FROM pg_temp.rejected_now x
                          WHERE x.source = 'income_record' AND x.source_key = r.record_id))
)
INSERT INTO pg_temp.signal_now (permit_id, person_id, signal_type, period_start, period_end, evidence)
SELECT permit_id, person_id, 'employment_ended', min(employment_ended_on), $1,
       jsonb_build_object(
           'notices', jsonb_agg(jsonb_build_object('notice_id', notice_id, 'employer_id', employer_id,
                                                   'employment_ended_on', employment_ended_on,
                                                   'complete_months_after',
                                                   coalesce(greatest(0,
                                                       (extract(year FROM last_month_end) * 12 + extract(month FROM last_month_end))
                                                       - (extract(year FROM first_month_after) * 12 + extract(month FROM first_month_after))
                                                       + 1)::integer, 0))
                                ORDER BY employment_ended_on, notice_id),
           'income_after_end_month', 0,
           'incomes_complete_through', max(complete_through))
FROM holding
GROUP BY permit_id, person_id
