-- rules.md §5 emigrated: the person's latest emigrated/returned event on or before as_of
-- is 'emigrated', dated on or after valid_from; on the same day 'returned' is the later.
-- $1 as_of.
INSERT INTO pg_temp.signal_now (permit_id, person_id, signal_type, period_start, period_end, evidence)
SELECT a.permit_id, a.person_id, 'emigrated', e.event_date, $1,
       jsonb_build_object('event_id', e.event_id, 'event_type', e.event_type, 'event_date', e.event_date,
                          'valid_from', a.valid_from,
                          'population_complete_through',
                          (SELECT complete_through FROM pg_temp.register WHERE source = 'population'))
FROM pg_temp.active_permit a
JOIN pg_temp.signal_scope ss
      ON ss.signal_type = 'emigrated' AND ss.basis = a.basis AND ss.sequence IN (a.sequence, '*')
CROSS JOIN LATERAL (
    SELECT ev.event_id, ev.event_type, ev.event_date
    FROM registry.population_event ev
    WHERE ev.person_id = a.person_id
      AND ev.event_type IN ('emigrated', 'returned')
      AND ev.event_date <= $1
      AND NOT EXISTS (SELECT 1 FROM pg_temp.rejected_now x
                      WHERE x.source = 'population_event' AND x.source_key = ev.event_id)
    ORDER BY ev.event_date DESC, (ev.event_type = 'returned') DESC, ev.event_id
    LIMIT 1) e
WHERE e.event_type = 'emigrated'
  AND e.event_date >= a.valid_from
