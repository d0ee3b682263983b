-- Issue 5: `run --workers N` splits the evaluation by person into N shards. A person's
-- shard is a hash of person_id, so every row of one person (permits, incomes, events,
-- notices, …) lands in the same shard and each shard is evaluated on its own. A missing
-- person id hashes as '' (such rows are rejected by whichever shard holds them).
-- With one shard everything is shard 0 and the hash is not computed at all: the planner
-- folds the CASE when the count is a bound value.
CREATE FUNCTION supervision.shard_of(p_person_id text, p_shard_count integer)
    RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN p_shard_count <= 1 THEN 0
                ELSE ((hashtext(coalesce(p_person_id, ''))::bigint & 2147483647) % p_shard_count)::integer END
$$;
