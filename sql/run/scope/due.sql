-- The persons whose recheck day (evaluate/recheck.sql) has come. $1 as_of.
INSERT INTO pg_temp.scope_person (person_id)
SELECT person_id FROM supervision.person_recheck WHERE recheck_on <= $1
ON CONFLICT DO NOTHING
