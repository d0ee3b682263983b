-- The population register's complete_through moved: not_moved_to_finland's condition reads
-- it, so the holders of the evaluated permits that signal applies to are evaluated again.
INSERT INTO pg_temp.scope_person (person_id)
SELECT DISTINCT e.person_id
FROM supervision.evaluated_permit e
JOIN pg_temp.signal_scope ss
  ON ss.signal_type = 'not_moved_to_finland' AND ss.basis = e.basis AND ss.sequence IN (e.sequence, '*')
ON CONFLICT DO NOTHING
