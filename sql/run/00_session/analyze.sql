-- Temporary tables get no statistics from autovacuum; the configuration tables are tiny,
-- and without statistics the planner takes them for a thousand rows each.
ANALYZE pg_temp.coverage_line;
ANALYZE pg_temp.parameter;
ANALYZE pg_temp.signal_scope;
ANALYZE pg_temp.queue_basis;
ANALYZE pg_temp.study_term;
ANALYZE pg_temp.campaign;
ANALYZE pg_temp.vocabulary;
