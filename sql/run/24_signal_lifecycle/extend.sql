-- rules.md §5 lifecycle: a signal whose condition still holds stays open; its period is
-- extended and its evidence brought up to date. Rows that would not change are not
-- touched, so a re-run on the same data changes nothing.
UPDATE supervision.signal s
SET period_end = greatest(s.period_end, n.period_end), evidence = n.evidence
FROM pg_temp.signal_now n
WHERE s.status = 'open'
  AND s.permit_id = n.permit_id AND s.signal_type = n.signal_type AND s.signal_key = n.signal_key
  AND (s.period_end < n.period_end OR s.evidence IS DISTINCT FROM n.evidence)
RETURNING s.signal_type
