-- The runs that did a step of the case: which day, under which configuration and release.
-- Only the ledger's columns the supervisor role may read (migration 0012). $1 bigint[].
SELECT run_id, as_of, mode, status, config_digest, service_version
FROM supervision.run WHERE run_id = ANY ($1::bigint[]) ORDER BY run_id
