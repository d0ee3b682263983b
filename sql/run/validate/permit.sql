-- rules.md §8: permits whose meaning cannot be used. Each failed check is one row; the
-- reasons are short and stable, so a row keeps its identity across runs until fixed.
INSERT INTO pg_temp.rejected_now (source, source_key, reason)
SELECT 'permit', p.permit_id, c.reason
FROM registry.permit p
CROSS JOIN LATERAL (VALUES
    (p.person_id IS NULL OR p.person_id = '', 'person_id missing'),
    (p.basis IS NULL OR p.basis NOT IN ('student', 'specialist', 'eu_blue_card', 'growth_entrepreneur', 'employed',
                                        'self_employed', 'other_work', 'researcher', 'family', 'other'),
     'unknown basis'),
    (p.sequence IS NULL OR p.sequence NOT IN ('first', 'extended'), 'unknown sequence'),
    (p.status IS NULL OR p.status NOT IN ('granted', 'revoked', 'withdrawn'), 'unknown status'),
    (p.decision_date IS NULL, 'decision_date missing'),
    (p.valid_from IS NULL OR p.valid_until IS NULL, 'validity dates missing'),
    (p.valid_until < p.valid_from, 'valid_until before valid_from'),
    (p.status IN ('revoked', 'withdrawn') AND p.status_date IS NULL, 'revoked or withdrawn without status_date'),
    (p.basis IN ('growth_entrepreneur', 'self_employed') AND (p.company_id IS NULL OR p.company_id = ''),
     'entrepreneur permit without company_id'),
    (p.basis = 'student' AND (p.institution_id IS NULL OR p.institution_id = ''),
     'student permit without institution_id'),
    (p.required_monthly_income < 0, 'negative required_monthly_income')
) AS c(failed, reason)
WHERE c.failed
ON CONFLICT DO NOTHING
