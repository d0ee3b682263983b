-- An incremental run's persons (docs/incremental.md), in one statement (UNION makes them
-- distinct; scope_person needs no key, which cost more to fill than all its readers gained):
-- - the persons whose rows changed since the last run (changed_by_register.sql), and the
--   holders of the permits of the companies whose statuses changed;
-- - the persons whose recheck day (14_recheck/recheck.sql) has come;
-- - the holders of the permits that start after the last run's as_of and on or before this
--   run's: they may be enrolled;
-- - when the population register's complete_through moved ($3): not_moved_to_finland's
--   condition reads it, so the holders of the evaluated permits that signal applies to.
-- $1 the last run's as_of, $2 as_of, $3 whether the population register's completeness moved.
INSERT INTO pg_temp.scope_person (person_id)
SELECT person_id FROM pg_temp.scope_change
UNION
SELECT coalesce(p.person_id, '')
FROM registry.permit p
WHERE p.company_id IN (SELECT unnest(r.companies) FROM supervision.registry_change r WHERE r.companies IS NOT NULL)
UNION
SELECT person_id FROM supervision.person_recheck WHERE recheck_on <= $2::date
UNION
SELECT coalesce(person_id, '') FROM registry.permit WHERE valid_from > $1::date AND valid_from <= $2::date
UNION
SELECT e.person_id
FROM supervision.evaluated_permit e
JOIN pg_temp.signal_scope ss
  ON ss.signal_type = 'not_moved_to_finland' AND ss.basis = e.basis AND ss.sequence IN (e.sequence, '*')
WHERE $3
