-- The run transaction's snapshot, which every shard imports: the whole run reads the
-- registers as they were at one moment.
SELECT pg_export_snapshot()
