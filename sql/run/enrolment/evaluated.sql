-- supervision.evaluated_permit after an incremental run: the rows of its persons replaced
-- by what the evaluation found for them (pg_temp.active_permit: supervised and not ending,
-- or enrolled, and not rejected; evaluated_full.sql says the same of everyone). The others'
-- permits, rows and rejections did not change, and none of them ended or was enrolled. A
-- permit moved to another holder has both holders among the run's persons (the change
-- capture names both).
DELETE FROM supervision.evaluated_permit e
WHERE EXISTS (SELECT 1 FROM pg_temp.scope_person d WHERE d.person_id = e.person_id);
INSERT INTO supervision.evaluated_permit (permit_id, person_id, line_id, basis, sequence)
SELECT a.permit_id, a.person_id, coalesce(sp.line_id, n.line_id), a.basis, a.sequence
FROM pg_temp.active_permit a
LEFT JOIN supervision.supervised_permit sp ON sp.permit_id = a.permit_id
LEFT JOIN pg_temp.enrol_now n ON n.permit_id = a.permit_id;
