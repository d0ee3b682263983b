-- The rows the shards handed over, for the log.
SELECT (SELECT count(*) FROM pg_temp.rejected_now) + (SELECT count(*) FROM pg_temp.end_now)
     + (SELECT count(*) FROM pg_temp.enrol_now) + (SELECT count(*) FROM pg_temp.active_permit)
     + (SELECT count(*) FROM pg_temp.signal_now) AS rows
