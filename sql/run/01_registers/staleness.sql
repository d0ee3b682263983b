-- rules.md §7: each register's completeness and whether it is stale on as_of.
-- $1 as_of, $2 max_staleness_days. A register never refreshed is stale.
SELECT source, complete_through, refreshed_at,
       refreshed_at IS NULL
           OR refreshed_at < (($1::date - $2::integer)::timestamp AT TIME ZONE 'Europe/Helsinki') AS stale
FROM pg_temp.register
ORDER BY source
