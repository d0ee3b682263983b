-- The persons whose rows of each register changed since the last run, once each (the table
-- is filled by this statement alone).
INSERT INTO pg_temp.scope_change (source, person_id)
SELECT DISTINCT r.source, c.person_id
FROM supervision.registry_change r CROSS JOIN LATERAL unnest(r.persons) AS c(person_id)
WHERE r.persons IS NOT NULL
