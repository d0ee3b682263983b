-- See analyze_permits.sql: the aggregation over it must know its size.
ANALYZE pg_temp.income_now;
