-- Each register's completeness and refresh time for this run, read once; a register
-- without a source_status row has no complete month and is stale. A complete_through that
-- is no calendar day ('infinity', '-infinity') is an error of the load and counts as none:
-- no month of the register is complete (rules.md §8: no single row stops the run).
INSERT INTO pg_temp.register (source, complete_through, refreshed_at)
SELECT s.source, CASE WHEN isfinite(st.complete_through) THEN st.complete_through END, st.refreshed_at
FROM (SELECT member AS source FROM pg_temp.vocabulary WHERE list = 'source') s
LEFT JOIN registry.source_status st ON st.source = s.source
