-- Permits under supervision after this run (supervision.evaluated_permit: enrolled, not
-- ended, not rejected), per line: the ones the evaluation looks at.
SELECT line_id, count(*) AS permits
FROM supervision.evaluated_permit
GROUP BY line_id ORDER BY line_id
