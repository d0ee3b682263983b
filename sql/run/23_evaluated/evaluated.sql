-- supervision.evaluated_permit after a full run: every permit supervised, not ended,
-- present in the register and not rejected (rules.md §3) once its rejected rows, ends and
-- enrolments are written, which the evaluation found (14_recheck/evaluated_now.sql).
-- TRUNCATE: only runs, one at a time, read it.
TRUNCATE supervision.evaluated_permit;
INSERT INTO supervision.evaluated_permit (permit_id, person_id, line_id, basis, sequence)
SELECT permit_id, person_id, line_id, basis, sequence FROM pg_temp.evaluated_now;
