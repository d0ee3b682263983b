-- rules.md §3 "Enrolment": every permit valid on as_of, whose holder has no deceased
-- event on or before it (rejected events are none), matching a line in force, enrolled
-- once under the first matching line in configuration order. Found here, written by
-- enrol.sql.
-- $1 as_of, $2 shard count, $3 this shard, $4 the persons of an incremental run or NULL
-- (supervision.in_scope).
INSERT INTO pg_temp.enrol_now (permit_id, person_id, line_id)
SELECT DISTINCT ON (p.permit_id) p.permit_id, p.person_id, l.line_id
FROM registry.permit p
JOIN pg_temp.coverage_line l
  ON l.basis = p.basis AND l.sequence = p.sequence AND l.effective_from <= $1
WHERE supervision.permit_valid_on($1, p.valid_from, p.valid_until, p.status, p.status_date)
  -- pg_temp.bounded: the join may meet a rejected permit before the anti-join leaves it out,
  -- and a date out of the registers' range would make the line's arithmetic fail.
  AND supervision.line_conditions_hold(pg_temp.bounded(p.valid_from), pg_temp.bounded(p.valid_until),
                                       pg_temp.bounded(p.decision_date),
                                       l.validity, l.validity_months, l.scope_field, l.scope_from)
  AND supervision.in_scope(p.person_id, $2, $3, $4)
  AND NOT EXISTS (SELECT 1 FROM supervision.supervised_permit sp WHERE sp.permit_id = p.permit_id)
  AND NOT EXISTS (SELECT 1 FROM pg_temp.rejected_now r WHERE r.source = 'permit' AND r.source_key = p.permit_id)
  AND NOT EXISTS (SELECT 1 FROM registry.population_event e
                  WHERE e.person_id = p.person_id AND e.event_type = 'deceased' AND e.event_date <= $1
                    AND NOT EXISTS (SELECT 1 FROM pg_temp.rejected_now x
                                    WHERE x.source = 'population_event' AND x.source_key = e.event_id))
ORDER BY p.permit_id, l.ord
