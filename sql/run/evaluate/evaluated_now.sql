-- The permits this session evaluates, as supervision.evaluated_permit will hold them once
-- the run has written its ends and enrolments: the same set, as active_permits.sql takes
-- the supervised permits that do not end and the ones enrolled, present and not rejected.
-- Copied to the run's session with the other findings (run/shards.cpp), narrower than
-- active_permit, and quicker than joining the register again there.
INSERT INTO pg_temp.evaluated_now (permit_id, person_id, line_id, basis, sequence)
SELECT a.permit_id, a.person_id, coalesce(sp.line_id, n.line_id), a.basis, a.sequence
FROM pg_temp.active_permit a
LEFT JOIN supervision.supervised_permit sp ON sp.permit_id = a.permit_id
LEFT JOIN pg_temp.enrol_now n ON n.permit_id = a.permit_id
