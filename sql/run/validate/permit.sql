-- rules.md §8: permits whose meaning cannot be used. Each failed check is one row; the
-- reasons are short and stable, so a row keeps its identity across runs until fixed.
-- One pass: the failed checks of each row as an array, kept only when non-empty.
INSERT INTO pg_temp.rejected_now (source, source_key, reason)
SELECT 'permit', k.source_key, unnest(k.reasons)
FROM (
    SELECT p.permit_id AS source_key, array_remove(ARRAY[
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
        CASE WHEN p.required_monthly_income < 0 THEN 'negative required_monthly_income' END
    ], NULL) AS reasons
    FROM registry.permit p
) k
WHERE k.reasons <> '{}'
ON CONFLICT DO NOTHING
