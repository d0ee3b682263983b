-- An incremental run's persons of one shard as one array value, bound to the evaluation's
-- statements (supervision.in_scope), also in a worker's session, which cannot see this
-- one's tables. $1 shard count, $2 the shard.
SELECT coalesce(array_agg(person_id ORDER BY person_id) FILTER (WHERE supervision.shard_of(person_id, $1) = $2),
                '{}')::text AS persons
FROM pg_temp.scope_person
