-- $1 run_id, $2 as_of, $3 mode, $4 config_digest, $5 service_version, $6 host.
INSERT INTO supervision.run (run_id, as_of, mode, status, config_digest, service_version, host)
VALUES ($1, $2, $3, 'running', $4, $5, $6)
