-- supervision.evaluated_permit after an incremental run: the rows of its persons replaced
-- by what the evaluation found for them (14_recheck/evaluated_now.sql). The others'
-- permits, rows and rejections did not change, and none of them ended or was enrolled. A
-- permit moved to another holder has both holders among the run's persons (the change
-- capture names both).
DELETE FROM supervision.evaluated_permit e
WHERE EXISTS (SELECT 1 FROM pg_temp.scope_person d WHERE d.person_id = e.person_id);
INSERT INTO supervision.evaluated_permit (permit_id, person_id, line_id, basis, sequence)
SELECT permit_id, person_id, line_id, basis, sequence FROM pg_temp.evaluated_now;
