-- An incremental run: the recheck days of the persons it evaluated are replaced (a person
-- no longer evaluated has none); the others' stay, all after as_of.
DELETE FROM supervision.person_recheck r WHERE EXISTS (SELECT 1 FROM pg_temp.scope_person d WHERE d.person_id = r.person_id);
INSERT INTO supervision.person_recheck (person_id, recheck_on)
SELECT person_id, min(recheck_on) FROM pg_temp.evaluated_now GROUP BY person_id;
