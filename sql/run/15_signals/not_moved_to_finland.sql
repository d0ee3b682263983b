-- rules.md §5 not_moved_to_finland: three months after valid_from, with the population
-- register complete through that day, the person has no 'registered' event on or before
-- as_of. The period runs from add_months(valid_from, 3). $1 as_of.
INSERT INTO pg_temp.signal_now (permit_id, person_id, signal_type, period_start, period_end, evidence)
SELECT a.permit_id, a.person_id, 'not_moved_to_finland', supervision.add_months(a.valid_from, 3), $1,
       jsonb_build_object('valid_from', a.valid_from,
                          'expected_registration_by', supervision.add_months(a.valid_from, 3),
                          'registered_events', 0,
                          'population_complete_through', pop.complete_through)
FROM pg_temp.active_permit a
JOIN pg_temp.signal_scope ss
      ON ss.signal_type = 'not_moved_to_finland' AND ss.basis = a.basis AND ss.sequence IN (a.sequence, '*')
JOIN pg_temp.register pop ON pop.source = 'population'
WHERE $1 >= supervision.add_months(a.valid_from, 3)
  AND pop.complete_through >= supervision.add_months(a.valid_from, 3)
  AND NOT EXISTS (
      SELECT 1 FROM registry.population_event ev
      WHERE ev.person_id = a.person_id AND ev.event_type = 'registered' AND ev.event_date <= $1
        AND NOT EXISTS (SELECT 1 FROM pg_temp.rejected_now x
                        WHERE x.source = 'population_event' AND x.source_key = ev.event_id))
