-- rules.md §8: population register events of an unknown type or without a date.
INSERT INTO pg_temp.rejected_now (source, source_key, reason)
SELECT 'population_event', e.event_id, c.reason
FROM registry.population_event e
CROSS JOIN LATERAL (VALUES
    (e.person_id IS NULL OR e.person_id = '', 'person_id missing'),
    (e.event_type IS NULL OR e.event_type NOT IN ('registered', 'emigrated', 'returned', 'deceased'),
     'unknown event_type'),
    (e.event_date IS NULL, 'event_date missing')
) AS c(failed, reason)
WHERE c.failed
ON CONFLICT DO NOTHING
