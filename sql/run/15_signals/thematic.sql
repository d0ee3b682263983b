-- rules.md §5 thematic: each campaign active on as_of selects permits by basis, sequence,
-- decision date and, optionally, a signal type whose condition holds this run. One
-- signal per (permit, campaign). Runs after every other type. $1 as_of.
INSERT INTO pg_temp.signal_now (permit_id, person_id, signal_type, signal_key, period_start, period_end, evidence)
SELECT a.permit_id, a.person_id, 'thematic', c.campaign_id, greatest(c.active_from, a.valid_from), $1,
       jsonb_build_object('campaign_id', c.campaign_id, 'active_from', c.active_from, 'active_until', c.active_until,
                          'selection', jsonb_build_object('bases', c.bases, 'sequences', c.sequences,
                                                          'decided_from', c.decided_from,
                                                          'decided_until', c.decided_until,
                                                          'with_open_signal', c.with_open_signal),
                          'matched_open_signals',
                          (SELECT coalesce(jsonb_agg(n.signal_type ORDER BY n.signal_type), '[]'::jsonb)
                           FROM pg_temp.signal_now n
                           WHERE n.permit_id = a.permit_id AND n.signal_type = ANY (c.with_open_signal)))
FROM pg_temp.active_permit a
JOIN pg_temp.signal_scope ss
      ON ss.signal_type = 'thematic' AND ss.basis = a.basis AND ss.sequence IN (a.sequence, '*')
JOIN pg_temp.campaign c
  ON $1 BETWEEN c.active_from AND c.active_until
 AND a.basis = ANY (c.bases)
 AND (cardinality(c.sequences) = 0 OR a.sequence = ANY (c.sequences))
 AND (c.decided_from IS NULL OR a.decision_date >= c.decided_from)
 AND (c.decided_until IS NULL OR a.decision_date <= c.decided_until)
WHERE cardinality(c.with_open_signal) = 0
   OR EXISTS (SELECT 1 FROM pg_temp.signal_now n
              WHERE n.permit_id = a.permit_id AND n.signal_type = ANY (c.with_open_signal))
