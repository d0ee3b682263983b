-- The persons whose rows changed since the last run (changed_by_register.sql), and the
-- holders of the permits of the companies whose statuses changed. Returns the rows added.
INSERT INTO pg_temp.scope_person (person_id)
SELECT DISTINCT person_id FROM pg_temp.scope_change
UNION
SELECT coalesce(p.person_id, '')
FROM registry.permit p
WHERE p.company_id IN (SELECT unnest(r.companies) FROM supervision.registry_change r WHERE r.companies IS NOT NULL)
ON CONFLICT DO NOTHING
