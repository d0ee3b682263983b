-- The changes this run has taken into account, full or incremental: the ones its
-- evaluation's snapshot saw (changes_seen.sql). A change committed after that snapshot is
-- not among them, so not deleted, and the next run takes it. Returns how many.
WITH consumed AS (
    DELETE FROM supervision.registry_change c
    USING pg_temp.change_seen s
    WHERE c.change_id = s.change_id
    RETURNING 1
)
SELECT count(*) AS changes FROM consumed
