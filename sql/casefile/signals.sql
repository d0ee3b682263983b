-- Every signal of the permit, open and resolved, in the order they were raised. $1 permit_id.
SELECT signal_id, signal_type, signal_key, status, period_start, period_end, raised_on, raised_run, resolved_on,
       resolved_run, resolution, weight, evidence, review_id, linked_run
FROM supervision.signal WHERE permit_id = $1 ORDER BY signal_id
