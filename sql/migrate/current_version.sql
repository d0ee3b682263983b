-- The highest applied migration; 0 on a database never migrated.
SELECT coalesce(max(version), 0) AS version
FROM supervision.schema_version
