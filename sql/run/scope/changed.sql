-- The persons whose rows changed since the last run, and the holders of the permits of the
-- companies whose statuses changed. Returns the rows added.
INSERT INTO pg_temp.scope_person (person_id)
SELECT c.person_id FROM supervision.registry_change r CROSS JOIN LATERAL unnest(r.persons) AS c(person_id)
WHERE r.persons IS NOT NULL
UNION
SELECT coalesce(p.person_id, '')
FROM registry.permit p
WHERE p.company_id IN (SELECT unnest(r.companies) FROM supervision.registry_change r WHERE r.companies IS NOT NULL)
ON CONFLICT DO NOTHING
