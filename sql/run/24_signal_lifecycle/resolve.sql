-- rules.md §5: an open signal of an evaluated permit whose condition no longer holds is
-- resolved on this run. Signals of rejected permits are left as they are. An incremental
-- run looks only at the permits it evaluated (pg_temp.evaluated_now, its persons'): the
-- others' open signals all hold again (carry_forward.sql). $1 as_of, $2 run_id, $3 whether
-- the run is full.
UPDATE supervision.signal s
SET status = 'resolved', resolved_on = $1, resolved_run = $2, resolution = 'condition_ended'
WHERE s.status = 'open'
  AND EXISTS (SELECT 1 FROM supervision.evaluated_permit a WHERE a.permit_id = s.permit_id)
  AND ($3 OR EXISTS (SELECT 1 FROM pg_temp.evaluated_now x WHERE x.permit_id = s.permit_id))
  AND NOT EXISTS (SELECT 1 FROM pg_temp.signal_now n
                  WHERE n.permit_id = s.permit_id AND n.signal_type = s.signal_type AND n.signal_key = s.signal_key)
RETURNING s.signal_type
