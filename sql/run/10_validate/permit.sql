-- rules.md §8: permits whose meaning cannot be used. Each failed check is one row; the
-- reasons are short and stable, so a row keeps its identity across runs until fixed.
-- Keying errors first: an id empty or with white space at either end (supervision.padded), a
-- date that is not a calendar day ('infinity', '-infinity') or out of the registers' range
-- (pg_temp.day). The comparisons of the other checks read the dates through pg_temp.day,
-- so such a date gives its own reason only, and no later statement meets it in a permit
-- that is not rejected.
-- One pass: the failed checks of each row as one text, a line per reason (half the cost
-- of an array per row), kept only when not empty.
-- A person holds one permit of a basis and sequence at a time: two that overlap while in
-- force (a revoked or withdrawn permit is in force until the day before its status_date)
-- are a duplicate or a keying error, and the one that starts later (then decided later,
-- then the greater id) is rejected; the earlier stays supervised. An extension that
-- starts before the first permit ends is no error (docs/rules.md, "Bad input"). One
-- ordered pass: the self-join it replaced probed the index once per permit of a shard
-- (the planner takes a shard's filter for a two-hundredth of the rows).
-- MATERIALIZED: the check appears twice in the flattened query, and would be joined twice.
-- $1 shard count, $2 this shard, $3 the persons of an incremental run or NULL
-- (supervision.in_scope): only those persons' rows.
WITH ranked AS (
    -- A person's permits of one basis and sequence, each with the latest last day in force
    -- of the permits before it in the order (valid_from, decision_date, permit_id) that are
    -- in force at all (valid_from on or before their last day): those starting earlier,
    -- and those starting the same day but decided earlier (or, the same day, with a smaller
    -- id). Compared as rows, a missing decision_date orders neither way on the same
    -- valid_from, so those ties count only between known decision dates.
    SELECT q.permit_id, q.valid_from, q.last_day,
           greatest(max(q.in_force_until) OVER (PARTITION BY q.person_id, q.basis, q.sequence ORDER BY q.valid_from
                                                RANGE BETWEEN UNBOUNDED PRECEDING AND '1 day' PRECEDING),
                    CASE WHEN q.decision_date IS NOT NULL THEN
                        max(q.in_force_until) OVER (PARTITION BY q.person_id, q.basis, q.sequence, q.valid_from
                                                    ORDER BY q.decision_date, q.permit_id
                                                    ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) END)
               AS earlier_last_day
    FROM (SELECT w.permit_id, w.person_id, w.basis, w.sequence, w.valid_from, w.decision_date, d.last_day,
                 CASE WHEN w.valid_from <= d.last_day THEN d.last_day END AS in_force_until
          FROM registry.permit w
          CROSS JOIN LATERAL (SELECT CASE WHEN w.status IN ('revoked', 'withdrawn')
                                          THEN least(w.valid_until, w.status_date - 1)
                                          ELSE w.valid_until END AS last_day) d
          WHERE w.person_id <> '' AND w.basis IS NOT NULL AND w.sequence IS NOT NULL
            -- A permit with a date out of pg_temp.day's range is in force on no known day.
            AND pg_temp.day(w.valid_from) IS NOT NULL AND pg_temp.day(w.valid_until) IS NOT NULL
            AND (w.decision_date IS NULL OR pg_temp.day(w.decision_date) IS NOT NULL)
            AND (w.status_date IS NULL OR pg_temp.day(w.status_date) IS NOT NULL)
            AND supervision.in_scope(w.person_id, $1, $2, $3)) q
), overlapping AS MATERIALIZED (
    -- A permit in force that starts on or before the last day of an earlier one: the two
    -- overlap, as the earlier starts no later.
    SELECT permit_id FROM ranked WHERE valid_from <= last_day AND earlier_last_day >= valid_from
)
INSERT INTO pg_temp.rejected_now (source, source_key, reason, person_id)
SELECT 'permit', k.source_key, string_to_table(k.reasons, E'\n'), k.person_id
FROM (
    SELECT p.permit_id AS source_key, coalesce(p.person_id, '') AS person_id, concat_ws(E'\n',
        CASE WHEN p.permit_id = '' THEN 'permit_id empty' END,
        CASE WHEN supervision.padded(p.permit_id) THEN 'permit_id has leading or trailing white space' END,
        CASE WHEN p.person_id IS NULL OR p.person_id = '' THEN 'person_id missing' END,
        CASE WHEN supervision.padded(p.person_id) THEN 'person_id has leading or trailing white space' END,
        CASE WHEN p.employer_id = '' THEN 'employer_id empty' END,
        CASE WHEN supervision.padded(p.employer_id) THEN 'employer_id has leading or trailing white space' END,
        CASE WHEN p.company_id = '' THEN 'company_id empty' END,
        CASE WHEN supervision.padded(p.company_id) THEN 'company_id has leading or trailing white space' END,
        CASE WHEN p.institution_id = '' THEN 'institution_id empty' END,
        CASE WHEN supervision.padded(p.institution_id) THEN 'institution_id has leading or trailing white space' END,
        CASE WHEN p.basis IS NULL OR p.basis NOT IN (SELECT member FROM pg_temp.vocabulary WHERE list = 'basis')
             THEN 'unknown basis' END,
        CASE WHEN p.sequence IS NULL OR p.sequence NOT IN (SELECT member FROM pg_temp.vocabulary WHERE list = 'sequence')
             THEN 'unknown sequence' END,
        CASE WHEN p.status IS NULL OR p.status NOT IN ('granted', 'revoked', 'withdrawn') THEN 'unknown status' END,
        CASE WHEN p.decision_date IS NULL THEN 'decision_date missing' END,
        CASE WHEN NOT isfinite(p.decision_date) THEN 'decision_date is not a calendar day' END,
        CASE WHEN pg_temp.day(p.decision_date) IS NULL AND isfinite(p.decision_date) THEN 'decision_date out of range' END,
        CASE WHEN p.valid_from IS NULL OR p.valid_until IS NULL THEN 'validity dates missing' END,
        CASE WHEN NOT isfinite(p.valid_from) THEN 'valid_from is not a calendar day' END,
        CASE WHEN pg_temp.day(p.valid_from) IS NULL AND isfinite(p.valid_from) THEN 'valid_from out of range' END,
        CASE WHEN NOT isfinite(p.valid_until) THEN 'valid_until is not a calendar day' END,
        CASE WHEN pg_temp.day(p.valid_until) IS NULL AND isfinite(p.valid_until) THEN 'valid_until out of range' END,
        CASE WHEN NOT isfinite(p.status_date) THEN 'status_date is not a calendar day' END,
        CASE WHEN pg_temp.day(p.status_date) IS NULL AND isfinite(p.status_date) THEN 'status_date out of range' END,
        CASE WHEN d.valid_until < d.valid_from THEN 'valid_until before valid_from' END,
        CASE WHEN p.status IN ('revoked', 'withdrawn') AND p.status_date IS NULL THEN 'revoked or withdrawn without status_date' END,
        -- An empty company_id or institution_id has its own reason above.
        CASE WHEN p.basis IN ('growth_entrepreneur', 'self_employed') AND p.company_id IS NULL THEN 'entrepreneur permit without company_id' END,
        -- The institution matters only where the study register is used: where study_inactive
        -- applies to the permit's basis and sequence (configuration, signal_scope).
        CASE WHEN p.basis = 'student' AND p.institution_id IS NULL
                  AND EXISTS (SELECT 1 FROM pg_temp.signal_scope ss
                              WHERE ss.signal_type = 'study_inactive' AND ss.basis = p.basis
                                AND ss.sequence IN (p.sequence, '*'))
             THEN 'student permit without institution_id' END,
        CASE WHEN p.required_monthly_income < 0 THEN 'negative required_monthly_income' END,
        CASE WHEN d.valid_from <= d.valid_until AND d.decision_date > d.valid_until THEN 'decision_date after valid_until' END,
        CASE WHEN d.status_date < d.decision_date THEN 'status_date before decision_date' END,
        -- A decision is not recorded before it is made. (Dated after as_of is no error:
        -- rules.md §1, such rows are only not visible yet.)
        CASE WHEN d.decision_date > (p.updated_at AT TIME ZONE 'Europe/Helsinki')::date THEN 'decision_date after updated_at' END,
        CASE WHEN p.permit_id IN (SELECT permit_id FROM overlapping) THEN 'overlaps an earlier permit of the same basis and sequence' END
    ) AS reasons
    FROM registry.permit p
    CROSS JOIN LATERAL (SELECT pg_temp.day(p.decision_date) AS decision_date, pg_temp.day(p.valid_from) AS valid_from,
                               pg_temp.day(p.valid_until) AS valid_until, pg_temp.day(p.status_date) AS status_date) d
    WHERE supervision.in_scope(p.person_id, $1, $2, $3)
    -- A fence: the reasons are computed once a row; pulled up into the outer query they
    -- would be computed again for each use (the filter and the output).
    OFFSET 0
) k
WHERE k.reasons <> ''
ON CONFLICT DO NOTHING
