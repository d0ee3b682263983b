-- Rejected rows after this run (20_rejected_rows/merge.sql), per register.
SELECT source, count(*) AS rows FROM (SELECT DISTINCT source, source_key FROM supervision.rejected_row_current) k
GROUP BY source ORDER BY source
