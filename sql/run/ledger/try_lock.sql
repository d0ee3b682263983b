-- One run at a time per database (rules.md §7): a session-level advisory lock, released
-- when the run's connection closes, however the process ends.
SELECT pg_try_advisory_lock(hashtext('supervision.run')) AS locked
