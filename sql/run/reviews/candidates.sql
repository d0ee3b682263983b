-- rules.md §6.2–3: a permit without an active review is a candidate when the weights of
-- its unreviewed open signals sum to the threshold or more, unless a review of it closed
-- with no_action fewer than cooldown_days ago. Its queue comes from its basis. $1 as_of.
WITH p AS MATERIALIZED (
    SELECT pg_temp.param('review_threshold', '*', '*', $1) AS threshold,
           pg_temp.param('cooldown_days', '*', '*', $1)::integer AS cooldown
)
INSERT INTO pg_temp.candidate (permit_id, person_id, queue, score, first_raised)
SELECT a.permit_id, a.person_id, coalesce(q.queue, 'general'), sum(s.weight), min(s.raised_on)
FROM supervision.evaluated_permit a
JOIN supervision.signal s ON s.permit_id = a.permit_id AND s.status = 'open' AND s.review_id IS NULL
LEFT JOIN pg_temp.queue_basis q ON q.basis = a.basis
CROSS JOIN p
WHERE NOT EXISTS (SELECT 1 FROM supervision.revocation_review r
                  WHERE r.permit_id = a.permit_id AND r.status IN ('open', 'hearing'))
  AND NOT EXISTS (SELECT 1 FROM supervision.revocation_review r
                  WHERE r.permit_id = a.permit_id AND r.status = 'closed' AND r.outcome = 'no_action'
                    AND $1::date - r.closed_on < p.cooldown)
GROUP BY a.permit_id, a.person_id, q.queue, p.threshold
HAVING sum(s.weight) >= p.threshold
