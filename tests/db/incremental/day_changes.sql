-- Test kit of tests/db/incremental_test.cpp: one day's changes to the registers, of every
-- kind a register load makes (inserts, corrections, deletions, rows dated in the future,
-- bad rows and their fixes, moved completeness), drawn by hashes of the row keys and the
-- day: the same registers get the same changes in every database. Timestamps are fixed
-- from the day, never now().
CREATE SCHEMA IF NOT EXISTS testkit;

CREATE OR REPLACE FUNCTION testkit.change_registers(d date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    k  text := to_char(d, 'YYYYMMDD');
    at timestamptz := (d::timestamp + interval '6 hours') AT TIME ZONE 'Europe/Helsinki';
BEGIN
    -- Incomes: scattered corrections, a sign flipped (a bad row, or yesterday's fixed),
    -- deletions, and new reports of this month for some persons: late ones, and a few
    -- whose period ends in the days to come.
    UPDATE registry.income_record SET gross_amount = round(gross_amount * 0.4, 2)
    WHERE abs(hashtext(record_id || k)) % 400 = 0;
    UPDATE registry.income_record SET gross_amount = -gross_amount
    WHERE abs(hashtext(record_id || k || 'sign')) % 1500 = 0;
    DELETE FROM registry.income_record WHERE abs(hashtext(record_id || k || 'del')) % 900 = 0;
    INSERT INTO registry.income_record
    SELECT 'T-' || k || '-' || person_id, person_id, 'E-T', date_trunc('month', d)::date,
           d + abs(hashtext(person_id || k || 'end')) % 5 - 2,
           abs(hashtext(person_id || k || 'eur')) % 3000, 40 + abs(hashtext(person_id || k || 'h')) % 200, at
    FROM (SELECT DISTINCT person_id FROM registry.permit WHERE abs(hashtext(person_id || k)) % 150 = 0) p
    ON CONFLICT DO NOTHING;

    -- Population events of every type, some dated in the days to come.
    INSERT INTO registry.population_event
    SELECT 'TV-' || k || '-' || person_id, person_id,
           (ARRAY['emigrated', 'returned', 'registered', 'deceased', 'emigrated'])[1 + abs(hashtext(person_id || k || 't')) % 5],
           d + abs(hashtext(person_id || k || 'day')) % 7 - 4, at
    FROM (SELECT DISTINCT person_id FROM registry.permit WHERE abs(hashtext(person_id || k || 'e')) % 120 = 0) p
    ON CONFLICT DO NOTHING;

    -- Employers' notices, some of ends still to come.
    INSERT INTO registry.employment_notice
    SELECT 'TN-' || k || '-' || permit_id, person_id, employer_id, d + abs(hashtext(permit_id || k)) % 9 - 5, at
    FROM registry.permit
    WHERE employer_id IS NOT NULL AND abs(hashtext(permit_id || k || 'n')) % 200 = 0
    ON CONFLICT DO NOTHING;

    -- Basic social assistance for some students, some periods ending in the days to come.
    INSERT INTO registry.benefit_payment
    SELECT 'TB-' || k || '-' || permit_id, person_id, 'basic_social_assistance', date_trunc('month', d - 20)::date,
           d + abs(hashtext(permit_id || k || 'b')) % 5 - 3, 300, at
    FROM registry.permit
    WHERE basis = 'student' AND abs(hashtext(permit_id || k || 'b')) % 150 = 0
    ON CONFLICT DO NOTHING;

    -- Study records of the term before, of every enrolment, new or corrected.
    INSERT INTO registry.study_record
    SELECT p.person_id, p.institution_id, t.term_start, t.term_end,
           (ARRAY['present', 'absent', 'withdrawn', 'graduated', 'present'])[1 + abs(hashtext(p.permit_id || k || 's')) % 5],
           abs(hashtext(p.permit_id || k || 'cr')) % 3 * 10, at
    FROM registry.permit p
    CROSS JOIN LATERAL (SELECT CASE WHEN extract(month FROM d - 60) >= 8 THEN make_date(extract(year FROM d - 60)::integer, 8, 1)
                                    ELSE make_date(extract(year FROM d - 60)::integer, 1, 1) END AS term_start,
                               CASE WHEN extract(month FROM d - 60) >= 8 THEN make_date(extract(year FROM d - 60)::integer, 12, 31)
                                    ELSE make_date(extract(year FROM d - 60)::integer, 7, 31) END AS term_end) t
    WHERE p.basis = 'student' AND p.institution_id IS NOT NULL AND abs(hashtext(p.permit_id || k || 'st')) % 100 = 0
    ON CONFLICT (person_id, institution_id, term_start) DO UPDATE
    SET enrolment = EXCLUDED.enrolment, credits = EXCLUDED.credits, received_at = EXCLUDED.received_at;

    -- Trade register: companies going into liquidation or bankruptcy, some from a day to
    -- come, some recorded before their date (rejected).
    INSERT INTO registry.company_status
    SELECT company_id, (ARRAY['liquidation', 'bankrupt', 'deregistered', 'active'])[1 + abs(hashtext(company_id || k)) % 4],
           d + abs(hashtext(company_id || k || 'd')) % 5 - 2, at + abs(hashtext(company_id || k || 'r')) % 2 * interval '3 days'
    FROM (SELECT DISTINCT company_id FROM registry.permit
          WHERE company_id IS NOT NULL AND abs(hashtext(company_id || k)) % 60 = 0) c
    ON CONFLICT (company_id, status_date) DO UPDATE SET status = EXCLUDED.status;

    -- Permits: revoked from a day to come, shortened, extended by a new permit that starts
    -- in the days to come, new holders' first permits, one moved to another person, and a
    -- sequence keyed wrong (rejected) that a later day corrects.
    UPDATE registry.permit SET sequence = lower(sequence), updated_at = at WHERE sequence = 'First';
    UPDATE registry.permit SET sequence = 'First', updated_at = at
    WHERE sequence = 'first' AND abs(hashtext(permit_id || k || 'key')) % 2000 = 0;
    UPDATE registry.permit SET status = 'revoked', status_date = d + abs(hashtext(permit_id || k)) % 4, updated_at = at
    WHERE status = 'granted' AND valid_until >= d AND abs(hashtext(permit_id || k || 'r')) % 400 = 0;
    UPDATE registry.permit SET valid_until = greatest(valid_from, d + abs(hashtext(permit_id || k)) % 3), updated_at = at
    WHERE status = 'granted' AND valid_until > d + 3 AND abs(hashtext(permit_id || k || 'u')) % 500 = 0;
    INSERT INTO registry.permit
    SELECT 'TP-' || k || '-' || permit_id, person_id, basis, 'extended', d, valid_until + 1,
           supervision.add_months(valid_until + 1, 12), 'granted', NULL, employer_id, company_id, institution_id, NULL, at
    FROM registry.permit
    WHERE status = 'granted' AND valid_until BETWEEN d AND d + 5 AND abs(hashtext(permit_id || k || 'x')) % 3 = 0
    ON CONFLICT DO NOTHING;
    INSERT INTO registry.permit
    SELECT 'TQ-' || k || '-' || i, 'TH-' || k || '-' || i, b.basis, 'first', d, d + i, supervision.add_months(d + i, 14),
           'granted', NULL, CASE WHEN b.basis IN ('specialist', 'employed') THEN 'E-T' END,
           CASE WHEN b.basis = 'growth_entrepreneur' THEN 'C-T' || k END,
           CASE WHEN b.basis = 'student' THEN 'I-T' END, NULL, at
    FROM generate_series(0, 3) i
    CROSS JOIN LATERAL (SELECT (ARRAY['student', 'specialist', 'growth_entrepreneur', 'employed'])[1 + i] AS basis) b
    ON CONFLICT DO NOTHING;
    UPDATE registry.permit SET person_id = person_id || '-moved', updated_at = at
    WHERE abs(hashtext(permit_id || k || 'm')) % 3000 = 0;

    -- Completeness: the population, trade and notices registers through yesterday on even
    -- days (and as they were on odd ones); incomes and benefits through the last month end
    -- five days back; studies through the last term end fifteen days back.
    UPDATE registry.source_status SET complete_through = d - 1, refreshed_at = at
    WHERE source IN ('population', 'companies', 'notices') AND extract(day FROM d)::integer % 2 = 0;
    UPDATE registry.source_status SET complete_through = (date_trunc('month', d - 5) - interval '1 day')::date,
                                      refreshed_at = at
    WHERE source IN ('incomes', 'benefits');
    UPDATE registry.source_status
    SET complete_through = (SELECT max(e) FROM (VALUES (make_date(extract(year FROM d - 15)::integer - 1, 12, 31)),
                                                       (make_date(extract(year FROM d - 15)::integer, 7, 31)),
                                                       (make_date(extract(year FROM d - 15)::integer, 12, 31))) v(e)
                            WHERE e <= d - 15),
        refreshed_at = at
    WHERE source = 'studies';
END $$;
