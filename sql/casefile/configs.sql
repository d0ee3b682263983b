-- The configurations those runs used, by digest. $1 text[].
SELECT config_digest, config_version, config
FROM supervision.config_snapshot WHERE config_digest = ANY ($1::text[])
