-- The asked permit first, then the holder's other permits, with their enrolments and the
-- permit's register rejections; no row when the permit was never under supervision
-- (migration 0012: the supervisor role reads these through the function only). $1 permit_id.
SELECT permit_id, asked, person_id, in_register, basis, sequence, decision_date, valid_from, valid_until, status,
       status_date, employer_id, company_id, institution_id, required_monthly_income, line_id, enrolled_on,
       enrolled_run, ended_on, end_reason, ended_run, to_json(rejected_reasons) AS rejected_reasons
FROM supervision.case_holder_permits($1)
ORDER BY asked DESC, valid_from NULLS LAST, permit_id
