-- Two migrators never interleave: the second waits for the first's transaction.
SELECT pg_advisory_xact_lock(hashtext('supervision.migrate'))
