-- How long any statement of the run's sessions waits for a lock before the run stops
-- (exit 4): a register's table held by an ETL load, a forgotten transaction. For the
-- session: the run's short ledger transactions wait no longer than its work. $1 e.g. '1800s'.
SELECT set_config('lock_timeout', $1, false)
