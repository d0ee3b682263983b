-- The last completed run: the day the case file is judged on, and the configuration it
-- used. No row before the first.
SELECT run_id, as_of, config_digest, service_version
FROM supervision.run WHERE status = 'succeeded' ORDER BY run_id DESC LIMIT 1
