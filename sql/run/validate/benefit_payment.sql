-- rules.md §8: Kela benefit payments that cannot be placed in time or kind.
INSERT INTO pg_temp.rejected_now (source, source_key, reason)
SELECT 'benefit_payment', b.payment_id, c.reason
FROM registry.benefit_payment b
CROSS JOIN LATERAL (VALUES
    (b.person_id IS NULL OR b.person_id = '', 'person_id missing'),
    (b.benefit IS NULL OR b.benefit NOT IN ('basic_social_assistance', 'other'), 'unknown benefit'),
    (b.period_start IS NULL OR b.period_end IS NULL, 'period dates missing'),
    (b.period_end < b.period_start, 'period_end before period_start'),
    (b.amount < 0, 'negative amount')
) AS c(failed, reason)
WHERE c.failed
ON CONFLICT DO NOTHING
