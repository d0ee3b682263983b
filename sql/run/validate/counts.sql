-- Rejected rows of this run, per register.
SELECT source, count(*) AS rows FROM (SELECT DISTINCT source, source_key FROM pg_temp.rejected_now) k
GROUP BY source ORDER BY source
