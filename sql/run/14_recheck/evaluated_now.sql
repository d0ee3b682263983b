-- The permits this session evaluates, as supervision.evaluated_permit will hold them once
-- the run has written its ends and enrolments: the same set, as active_permits.sql takes
-- the supervised permits that do not end and the ones enrolled, present and not rejected.
-- With each, its holder's recheck day (recheck.sql). Copied to the run's session with the
-- other findings (run/shards.cpp): narrower than active_permit, quicker than joining the
-- register again there, and one copy for both.
INSERT INTO pg_temp.evaluated_now (permit_id, person_id, line_id, basis, sequence, recheck_on)
SELECT a.permit_id, a.person_id, coalesce(sp.line_id, n.line_id), a.basis, a.sequence, r.recheck_on
FROM pg_temp.active_permit a
JOIN pg_temp.recheck_now r ON r.person_id = a.person_id
LEFT JOIN supervision.supervised_permit sp ON sp.permit_id = a.permit_id
LEFT JOIN pg_temp.enrol_now n ON n.permit_id = a.permit_id
