-- rules.md §5: a condition with no open signal raises a new one, weighted by its type's
-- weight in force on as_of (put into the evidence by common_evidence.sql). Ids continue the table in a fixed order (permit, type, key),
-- so a repeated run allocates the same ids. $1 as_of, $2 run_id.
INSERT INTO supervision.signal
    (signal_id, permit_id, person_id, signal_type, signal_key, status, period_start, period_end,
     raised_on, raised_run, weight, evidence)
SELECT (SELECT coalesce(max(signal_id), 0) FROM supervision.signal)
           + row_number() OVER (ORDER BY n.permit_id, n.signal_type, n.signal_key),
       n.permit_id, n.person_id, n.signal_type, n.signal_key, 'open', n.period_start, n.period_end,
       $1, $2, (n.evidence ->> 'weight')::numeric, n.evidence
FROM pg_temp.signal_now n
WHERE NOT EXISTS (SELECT 1 FROM supervision.signal s
                  WHERE s.status = 'open' AND s.permit_id = n.permit_id AND s.signal_type = n.signal_type
                    AND s.signal_key = n.signal_key)
RETURNING signal_type
