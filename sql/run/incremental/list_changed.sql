-- The persons of one shard whose rows of one register changed, as one array value (see
-- list.sql). $1 shard count, $2 the shard, $3 the register.
SELECT coalesce(array_agg(person_id ORDER BY person_id) FILTER (WHERE supervision.shard_of(person_id, $1) = $2),
                '{}')::text AS persons
FROM pg_temp.scope_change
WHERE source = $3
