-- An incremental run (docs/incremental.md): the evaluated permits of the persons it did
-- not evaluate again keep the conditions of the last run. The lifecycle makes a run's open
-- signals exactly the conditions that held on it, and nothing those persons' conditions
-- depend on has changed since but the day itself and the registers' complete_through, so
-- each of their open signals holds again, with what its rule file would now write:
-- - period_end = as_of for the types that run from an event to the latest run where they
--   held (emigrated.sql, company_inactive.sql, employment_ended.sql,
--   not_moved_to_finland.sql, thematic.sql);
-- - student_work_hours_exceeded.sql's hours_counted_through: as_of;
-- - every "<register>_complete_through" of the evidence: the register's as now. The last
--   run wrote its own into every open signal of an evaluated permit, so only when one has
--   moved since ($2) is the evidence looked at for them.
-- They are extended here as extend.sql extends a condition found again, touching only the
-- signals that change; resolve.sql leaves them alone. $1 as_of, $2 whether a register's
-- complete_through moved since the last run. Returns the types extended.
WITH registers AS MATERIALIZED (
    SELECT jsonb_object_agg(source || '_complete_through', coalesce(to_jsonb(complete_through), 'null'::jsonb))
               AS completeness
    FROM pg_temp.register
), dated_by_run AS (
    SELECT array_agg(member) AS types FROM pg_temp.vocabulary WHERE list = 'signal_dated_by_run'
)
UPDATE supervision.signal s
SET period_end = CASE WHEN s.signal_type = ANY (t.types) THEN greatest(s.period_end, $1::date) ELSE s.period_end END,
    evidence = s.evidence
               || CASE WHEN $2 THEN (SELECT coalesce(jsonb_object_agg(k.key, k.value), '{}'::jsonb)
                                     FROM jsonb_each(r.completeness) k WHERE s.evidence ? k.key)
                       ELSE '{}'::jsonb END
               || CASE WHEN s.evidence ? 'hours_counted_through'
                       THEN jsonb_build_object('hours_counted_through', $1::date) ELSE '{}'::jsonb END
FROM supervision.evaluated_permit e, registers r, dated_by_run t
WHERE e.permit_id = s.permit_id
  AND s.status = 'open'
  AND NOT EXISTS (SELECT 1 FROM pg_temp.scope_person d WHERE d.person_id = e.person_id)
  AND ((s.signal_type = ANY (t.types) AND s.period_end < $1::date)
       OR (s.evidence ? 'hours_counted_through' AND s.evidence -> 'hours_counted_through' <> to_jsonb($1::date))
       OR ($2 AND EXISTS (SELECT 1 FROM jsonb_each(r.completeness) k
                          WHERE s.evidence ? k.key AND s.evidence -> k.key IS DISTINCT FROM k.value)))
RETURNING s.signal_type
