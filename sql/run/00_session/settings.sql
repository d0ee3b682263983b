-- Settings for this run's transaction only. The nightly run is the one heavy client at
-- night: sorts and hashes over a few million register rows stay in memory instead of
-- spilling to disk. This is server memory, per operation; the service's own stays flat.
SET LOCAL work_mem = '256MB';
SET LOCAL maintenance_work_mem = '256MB';
-- With --workers the run's own session waits, idle in its transaction, while the workers
-- evaluate; a server-wide idle_in_transaction_session_timeout must not end it meanwhile.
SET LOCAL idle_in_transaction_session_timeout = 0;
