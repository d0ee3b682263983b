-- The audit trail of the permit's reviews: every change, who made it and when (Helsinki
-- time), with the values before and after. $1 bigint[] of review ids.
SELECT audit_id, review_id, operation,
       to_char(changed_at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD HH24:MI:SS') AS changed_at,
       changed_by, acting_role, application, old_values, new_values
FROM supervision.review_audit WHERE review_id = ANY ($1::bigint[]) ORDER BY review_id, audit_id
