-- The persons whose rows of a person register the run validates again (pg_temp.revalidated).
-- $1 the register, $2 the persons.
INSERT INTO pg_temp.revalidated (source, person_id)
SELECT $1, unnest($2::text[])
