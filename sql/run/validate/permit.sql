-- rules.md §8: permits whose meaning cannot be used. Each failed check is one row; the
-- reasons are short and stable, so a row keeps its identity across runs until fixed.
-- One pass: the failed checks of each row as one text, a line per reason (half the cost
-- of an array per row), kept only when not empty.
-- A person holds one permit of a basis and sequence at a time: two that overlap while in
-- force (a revoked or withdrawn permit is in force until the day before its status_date)
-- are a duplicate or a keying error, and the one that starts later (then decided later,
-- then the greater id) is rejected; the earlier stays supervised. An extension that
-- starts before the first permit ends is no error (docs/rules.md, "Bad input"). One hash
-- join on (person, basis); about 180 ms at 200 000 permits (a window pass measured slower).
-- MATERIALIZED: the check appears twice in the flattened query, and would be joined twice.
-- $1 shard count, $2 this shard, $3 the persons of an incremental run or NULL
-- (supervision.in_scope): only those persons' rows.
WITH overlapping AS MATERIALIZED (
    SELECT later.permit_id
    FROM registry.permit later
    CROSS JOIN LATERAL (SELECT CASE WHEN later.status IN ('revoked', 'withdrawn')
                                    THEN least(later.valid_until, later.status_date - 1)
                                    ELSE later.valid_until END) AS l(last_day)
    JOIN registry.permit earlier
      ON earlier.person_id = later.person_id AND earlier.basis = later.basis AND earlier.sequence = later.sequence
     AND earlier.permit_id <> later.permit_id
    CROSS JOIN LATERAL (SELECT CASE WHEN earlier.status IN ('revoked', 'withdrawn')
                                    THEN least(earlier.valid_until, earlier.status_date - 1)
                                    ELSE earlier.valid_until END) AS e(last_day)
    WHERE later.person_id <> ''
      AND supervision.in_scope(later.person_id, $1, $2, $3)
      AND supervision.in_scope(earlier.person_id, $1, $2, $3)
      AND later.valid_from <= l.last_day AND earlier.valid_from <= e.last_day
      AND earlier.valid_from <= l.last_day AND later.valid_from <= e.last_day
      AND (earlier.valid_from, earlier.decision_date, earlier.permit_id)
          < (later.valid_from, later.decision_date, later.permit_id)
)
INSERT INTO pg_temp.rejected_now (source, source_key, reason, person_id)
SELECT 'permit', k.source_key, string_to_table(k.reasons, E'\n'), k.person_id
FROM (
    SELECT p.permit_id AS source_key, coalesce(p.person_id, '') AS person_id, concat_ws(E'\n',
        CASE WHEN p.person_id IS NULL OR p.person_id = '' THEN 'person_id missing' END,
        CASE WHEN p.basis IS NULL OR p.basis NOT IN ('student', 'specialist', 'eu_blue_card', 'growth_entrepreneur', 'employed', 'self_employed', 'other_work', 'researcher', 'family', 'other') THEN 'unknown basis' END,
        CASE WHEN p.sequence IS NULL OR p.sequence NOT IN ('first', 'extended') THEN 'unknown sequence' END,
        CASE WHEN p.status IS NULL OR p.status NOT IN ('granted', 'revoked', 'withdrawn') THEN 'unknown status' END,
        CASE WHEN p.decision_date IS NULL THEN 'decision_date missing' END,
        CASE WHEN p.valid_from IS NULL OR p.valid_until IS NULL THEN 'validity dates missing' END,
        CASE WHEN p.valid_until < p.valid_from THEN 'valid_until before valid_from' END,
        CASE WHEN p.status IN ('revoked', 'withdrawn') AND p.status_date IS NULL THEN 'revoked or withdrawn without status_date' END,
        CASE WHEN p.basis IN ('growth_entrepreneur', 'self_employed') AND (p.company_id IS NULL OR p.company_id = '') THEN 'entrepreneur permit without company_id' END,
        CASE WHEN p.basis = 'student' AND (p.institution_id IS NULL OR p.institution_id = '') THEN 'student permit without institution_id' END,
        CASE WHEN p.required_monthly_income < 0 THEN 'negative required_monthly_income' END,
        CASE WHEN p.valid_from <= p.valid_until AND p.decision_date > p.valid_until THEN 'decision_date after valid_until' END,
        CASE WHEN p.status_date < p.decision_date THEN 'status_date before decision_date' END,
        -- A decision is not recorded before it is made. (Dated after as_of is no error:
        -- rules.md §1, such rows are only not visible yet.)
        CASE WHEN p.decision_date > (p.updated_at AT TIME ZONE 'Europe/Helsinki')::date THEN 'decision_date after updated_at' END,
        CASE WHEN p.permit_id IN (SELECT permit_id FROM overlapping) THEN 'overlaps an earlier permit of the same basis and sequence' END
    ) AS reasons
    FROM registry.permit p
    WHERE supervision.in_scope(p.person_id, $1, $2, $3)
) k
WHERE k.reasons <> ''
ON CONFLICT DO NOTHING
