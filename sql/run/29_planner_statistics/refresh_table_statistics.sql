-- The planner statistics of one table a full run rewrote (migration 0007). $1 its name.
SELECT supervision.refresh_table_statistics($1)
