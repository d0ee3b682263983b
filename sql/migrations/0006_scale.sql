-- Scale: `run --workers N` splits the evaluation by person into N shards. A person's
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

-- The run's outputs change by a lot at once (a first run enrols every permit in scope; a
-- back-fill runs day after day). The next run must not plan on statistics from before:
-- with an empty supervised_permit in the statistics, enrolment at S1 chose a nested loop
-- and took six minutes instead of half a second. The run refreshes them at its end, as
-- the tables' owner (the batch role may write them but not ANALYZE them).
CREATE FUNCTION supervision.refresh_statistics() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    ANALYZE supervision.supervised_permit;
    ANALYZE supervision.signal;
    ANALYZE supervision.review_backlog;
    ANALYZE supervision.rejected_row;
END
$$;
REVOKE ALL ON FUNCTION supervision.refresh_statistics() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION supervision.refresh_statistics() TO supervision_batch;
