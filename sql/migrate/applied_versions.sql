-- The migrations applied to this database, in version order.
SELECT version FROM supervision.schema_version ORDER BY version
