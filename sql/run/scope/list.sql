-- The incremental run's persons as one array value, bound to the evaluation's statements
-- (supervision.in_scope), also in the workers' sessions, which cannot see this one's tables.
SELECT coalesce(array_agg(person_id ORDER BY person_id), '{}')::text AS persons FROM pg_temp.scope_person
