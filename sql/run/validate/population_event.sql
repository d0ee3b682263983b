-- rules.md §8: population register events of an unknown type or without a date.
-- One pass: the failed checks of each row as an array, kept only when non-empty.
INSERT INTO pg_temp.rejected_now (source, source_key, reason)
SELECT 'population_event', k.source_key, unnest(k.reasons)
FROM (
    SELECT e.event_id AS source_key, array_remove(ARRAY[
        CASE WHEN e.person_id IS NULL OR e.person_id = '' THEN 'person_id missing' END,
        CASE WHEN e.event_type IS NULL OR e.event_type NOT IN ('registered', 'emigrated', 'returned', 'deceased') THEN 'unknown event_type' END,
        CASE WHEN e.event_date IS NULL THEN 'event_date missing' END
    ], NULL) AS reasons
    FROM registry.population_event e
) k
WHERE k.reasons <> '{}'
ON CONFLICT DO NOTHING
