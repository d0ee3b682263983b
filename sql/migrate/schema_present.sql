-- Whether the version table exists, without failing when it does not.
SELECT to_regclass('supervision.schema_version') IS NOT NULL AS present
