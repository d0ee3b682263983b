-- The holders of the permits that start after the last run's as_of ($1) and on or before
-- this run's ($2): they may be enrolled.
INSERT INTO pg_temp.scope_person (person_id)
SELECT DISTINCT coalesce(person_id, '') FROM registry.permit WHERE valid_from > $1::date AND valid_from <= $2::date
ON CONFLICT DO NOTHING
