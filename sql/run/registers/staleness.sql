-- rules.md §7: each register's completeness and whether it is stale on as_of.
-- $1 as_of, $2 max_staleness_days. A register with no source_status row is stale.
SELECT s.source, st.complete_through, st.refreshed_at,
       st.refreshed_at IS NULL
           OR st.refreshed_at < (($1::date - $2::integer)::timestamp AT TIME ZONE 'Europe/Helsinki') AS stale
FROM unnest(ARRAY['incomes', 'population', 'companies', 'studies', 'benefits', 'notices']) AS s(source)
LEFT JOIN registry.source_status st ON st.source = s.source
ORDER BY s.source
