-- Permits under supervision after this run (enrolled, not ended, not rejected), per line:
-- the ones the evaluation stage looks at.
SELECT sp.line_id, count(*) AS permits
FROM supervision.supervised_permit sp
WHERE sp.ended_on IS NULL
  AND NOT EXISTS (SELECT 1 FROM pg_temp.rejected_now r WHERE r.source = 'permit' AND r.source_key = sp.permit_id)
GROUP BY sp.line_id ORDER BY sp.line_id
