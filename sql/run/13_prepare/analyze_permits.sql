-- Temporary tables get no statistics from autovacuum; without them the planner guesses
-- and chooses nested loops over the registers.
ANALYZE pg_temp.active_permit;
ANALYZE pg_temp.income_person;
