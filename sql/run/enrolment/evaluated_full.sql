-- supervision.evaluated_permit after a full run: every permit supervised, not ended,
-- present in the register and not rejected (rules.md §3), once its rejected rows, ends and
-- enrolments are written. TRUNCATE: only runs, one at a time, read it.
TRUNCATE supervision.evaluated_permit;
INSERT INTO supervision.evaluated_permit (permit_id, person_id, line_id, basis, sequence)
SELECT sp.permit_id, p.person_id, sp.line_id, p.basis, p.sequence
FROM supervision.supervised_permit sp
JOIN registry.permit p ON p.permit_id = sp.permit_id
WHERE sp.ended_on IS NULL
  AND NOT EXISTS (SELECT 1 FROM supervision.rejected_row_current r
                  WHERE r.source = 'permit' AND r.source_key = sp.permit_id);
