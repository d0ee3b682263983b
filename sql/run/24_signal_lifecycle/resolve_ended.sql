-- rules.md §3: when supervision ends, the permit's open signals are resolved. $1 as_of, $2 run_id.
UPDATE supervision.signal s
SET status = 'resolved', resolved_on = $1, resolved_run = $2, resolution = 'supervision_ended'
FROM supervision.supervised_permit sp
WHERE sp.permit_id = s.permit_id AND sp.ended_on IS NOT NULL AND s.status = 'open'
RETURNING s.signal_type
