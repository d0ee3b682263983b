-- The changes this run has taken into account, full or incremental: the ones its snapshot
-- sees. A change committed after the snapshot is not seen, so not deleted, and the next
-- run takes it. Returns how many.
WITH consumed AS (DELETE FROM supervision.registry_change RETURNING 1)
SELECT count(*) AS changes FROM consumed
