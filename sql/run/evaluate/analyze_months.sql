-- See analyze_permits.sql.
ANALYZE pg_temp.person_month;
