-- The effective configuration, stored once per digest. $1 digest, $2 version, $3 json, $4 run_id.
INSERT INTO supervision.config_snapshot (config_digest, config_version, config, first_run_id)
VALUES ($1, $2, $3::jsonb, $4)
ON CONFLICT (config_digest) DO NOTHING
