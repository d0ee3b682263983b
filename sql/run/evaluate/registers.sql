-- Each register's completeness for this run; a register without a row has no complete month.
INSERT INTO pg_temp.register (source, complete_through)
SELECT s.source, st.complete_through
FROM unnest(ARRAY['incomes', 'population', 'companies', 'studies', 'benefits', 'notices']) AS s(source)
LEFT JOIN registry.source_status st ON st.source = s.source
