-- Temporary tables get no statistics from autovacuum; the later stages anti-join this one.
ANALYZE pg_temp.rejected_now;
