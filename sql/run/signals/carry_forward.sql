-- An incremental run (docs/incremental.md): the evaluated permits of the persons it did
-- not evaluate again keep the conditions of the last run. The lifecycle makes a run's open
-- signals exactly the conditions that held on it, and nothing those persons' conditions
-- depend on has changed since but the day itself and the registers' complete_through, so
-- each of their open signals holds again, with what its rule file would now write:
-- - period_end = as_of for the types that run from an event to the latest run where they
--   held (emigrated.sql, company_inactive.sql, employment_ended.sql,
--   not_moved_to_finland.sql, thematic.sql);
-- - every "<register>_complete_through" of the evidence: the register's as now;
-- - student_work_hours_exceeded.sql's hours_counted_through: as_of.
-- They are extended here as extend.sql extends a condition found again, touching only the
-- signals that change; resolve.sql leaves them alone. $1 as_of. Returns the types extended.
WITH registers AS MATERIALIZED (
    SELECT jsonb_object_agg(source || '_complete_through', coalesce(to_jsonb(complete_through), 'null'::jsonb))
               AS completeness
    FROM pg_temp.register
), carried AS (
    SELECT s.signal_id,
           CASE WHEN s.signal_type IN ('emigrated', 'company_inactive', 'employment_ended', 'not_moved_to_finland',
                                       'thematic')
                THEN $1::date ELSE s.period_end END AS period_end,
           s.evidence
           || (SELECT coalesce(jsonb_object_agg(c.key, c.value), '{}'::jsonb)
               FROM jsonb_each(r.completeness) c WHERE s.evidence ? c.key)
           || CASE WHEN s.evidence ? 'hours_counted_through'
                   THEN jsonb_build_object('hours_counted_through', $1::date) ELSE '{}'::jsonb END AS evidence
    FROM supervision.signal s
    JOIN supervision.evaluated_permit e ON e.permit_id = s.permit_id
    CROSS JOIN registers r
    WHERE s.status = 'open'
      AND NOT EXISTS (SELECT 1 FROM pg_temp.scope_person d WHERE d.person_id = e.person_id)
)
UPDATE supervision.signal s
SET period_end = greatest(s.period_end, c.period_end), evidence = c.evidence
FROM carried c
WHERE s.signal_id = c.signal_id
  AND (s.period_end < c.period_end OR s.evidence IS DISTINCT FROM c.evidence)
RETURNING s.signal_type
