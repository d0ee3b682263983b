-- rules.md §5 company_inactive: the latest trade-register status of the permit's company
-- dated on or before as_of is liquidation, bankrupt or deregistered. $1 as_of.
INSERT INTO pg_temp.signal_now (permit_id, person_id, signal_type, period_start, period_end, evidence)
SELECT a.permit_id, a.person_id, 'company_inactive', c.status_date, $1,
       jsonb_build_object('company_id', a.company_id, 'status', c.status, 'status_date', c.status_date,
                          'companies_complete_through',
                          (SELECT complete_through FROM pg_temp.register WHERE source = 'companies'))
FROM pg_temp.active_permit a
JOIN pg_temp.signal_scope ss
      ON ss.signal_type = 'company_inactive' AND ss.basis = a.basis AND ss.sequence IN (a.sequence, '*')
CROSS JOIN LATERAL (
    SELECT cs.status, cs.status_date
    FROM registry.company_status cs
    WHERE cs.company_id = a.company_id
      AND cs.status_date <= $1
      AND NOT EXISTS (SELECT 1 FROM pg_temp.rejected_now x
                      WHERE x.source = 'company_status'
                        AND x.source_key = pg_temp.source_key(cs.company_id, cs.status_date::text))
    ORDER BY cs.status_date DESC
    LIMIT 1) c
WHERE c.status IN ('liquidation', 'bankrupt', 'deregistered')
