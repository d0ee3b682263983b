-- rules.md §8: population register events of an unknown type or without a date.
-- One pass: the failed checks of each row as one text, a line per reason (half the cost
-- of an array per row), kept only when not empty. Keying errors as in permit.sql.
-- The same event twice (person, type and date): the copy with the greater id is rejected.
-- An event dated after the person's (earliest) death is rejected; the death is kept.
-- Both are judged among the rows without a keying error (an id empty or padded, a date
-- out of pg_temp.day's range): a row rejected for its key is no copy or death to compare
-- with.
-- Duplicates are numbered in one ordered pass over the person index, not a self-join.
-- $1 shard count, $2 this shard, $3 the persons of an incremental run or NULL
-- (supervision.in_scope): only those persons' rows.
INSERT INTO pg_temp.rejected_now (source, source_key, reason, person_id)
SELECT 'population_event', k.source_key, string_to_table(k.reasons, E'\n'), k.person_id
FROM (
    SELECT e.event_id AS source_key, coalesce(e.person_id, '') AS person_id, concat_ws(E'\n',
        CASE WHEN e.event_id = '' THEN 'event_id empty' END,
        CASE WHEN supervision.padded(e.event_id) THEN 'event_id has leading or trailing white space' END,
        CASE WHEN e.person_id IS NULL OR e.person_id = '' THEN 'person_id missing' END,
        CASE WHEN supervision.padded(e.person_id) THEN 'person_id has leading or trailing white space' END,
        CASE WHEN e.event_type IS NULL OR e.event_type NOT IN ('registered', 'emigrated', 'returned', 'deceased') THEN 'unknown event_type' END,
        CASE WHEN e.event_date IS NULL THEN 'event_date missing' END,
        CASE WHEN NOT isfinite(e.event_date) THEN 'event_date is not a calendar day' END,
        CASE WHEN pg_temp.day(e.event_date) IS NULL AND isfinite(e.event_date) THEN 'event_date out of range' END,
        CASE WHEN e.keyed AND e.copy_no > 1 AND e.event_type IS NOT NULL
             THEN 'duplicate event (same person, type and date)' END,
        CASE WHEN e.keyed AND e.event_date > d.died THEN 'event after the person''s death' END
    ) AS reasons
    FROM (SELECT ev.*, k.keyed,
                 row_number() OVER (PARTITION BY ev.person_id, ev.event_date, ev.event_type, k.keyed
                                    ORDER BY ev.event_id) AS copy_no
          FROM registry.population_event ev
          CROSS JOIN LATERAL (SELECT ev.event_id <> '' AND NOT supervision.padded(ev.event_id)
                                     AND pg_temp.day(ev.event_date) IS NOT NULL AS keyed) k
          WHERE supervision.in_scope(ev.person_id, $1, $2, $3)) e
    LEFT JOIN (SELECT person_id, min(event_date) AS died FROM registry.population_event
               WHERE event_type = 'deceased' AND event_id <> '' AND NOT supervision.padded(event_id)
                 AND pg_temp.day(event_date) IS NOT NULL AND supervision.in_scope(person_id, $1, $2, $3)
               GROUP BY person_id) d ON d.person_id = e.person_id
    -- A fence: the reasons are computed once a row; pulled up into the outer query they
    -- would be computed again for each use (the filter and the output).
    OFFSET 0
) k
WHERE k.reasons <> ''
ON CONFLICT DO NOTHING
