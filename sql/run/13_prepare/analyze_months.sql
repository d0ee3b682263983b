-- See analyze_permits.sql. The rejected rows now include the Incomes Register's.
ANALYZE pg_temp.person_month;
ANALYZE pg_temp.work_history;
ANALYZE pg_temp.rejected_now;
