-- Each register's completeness and refresh time for this run, read once; a register
-- without a source_status row has no complete month and is stale.
INSERT INTO pg_temp.register (source, complete_through, refreshed_at)
SELECT s.source, st.complete_through, st.refreshed_at
FROM unnest(ARRAY['incomes', 'population', 'companies', 'studies', 'benefits', 'notices']) AS s(source)
LEFT JOIN registry.source_status st ON st.source = s.source
