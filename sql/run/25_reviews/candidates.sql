-- rules.md §6.2–3: a permit without an active review is a candidate when the weights of
-- its unreviewed open signals sum to the threshold or more, unless a review of it closed
-- with no_action fewer than cooldown_days ago. A signal of an explained type weighs 0
-- (pg_temp.explained). Its queue comes from its basis. $1 as_of.
-- The signals are summed per permit before the join: the join then probes the evaluated
-- permits with one row per permit instead of one per signal.
WITH p AS MATERIALIZED (
    SELECT pg_temp.param('review_threshold', '*', '*', $1) AS threshold,
           pg_temp.param('cooldown_days', '*', '*', $1)::integer AS cooldown
), scored AS (
    SELECT s.permit_id, sum(CASE WHEN e.permit_id IS NULL THEN s.weight ELSE 0 END) AS score,
           min(s.raised_on) AS first_raised
    FROM supervision.signal s
    LEFT JOIN pg_temp.explained e ON e.permit_id = s.permit_id AND e.signal_type = s.signal_type
    WHERE s.status = 'open' AND s.review_id IS NULL
    GROUP BY s.permit_id
)
INSERT INTO pg_temp.candidate (permit_id, person_id, queue, score, first_raised)
SELECT a.permit_id, a.person_id, coalesce(q.queue, 'general'), s.score, s.first_raised
FROM scored s
JOIN supervision.evaluated_permit a ON a.permit_id = s.permit_id
LEFT JOIN pg_temp.queue_basis q ON q.basis = a.basis
CROSS JOIN p
WHERE s.score >= p.threshold
  AND NOT EXISTS (SELECT 1 FROM supervision.revocation_review r
                  WHERE r.permit_id = a.permit_id AND r.status IN ('open', 'hearing'))
  AND NOT EXISTS (SELECT 1 FROM supervision.revocation_review r
                  WHERE r.permit_id = a.permit_id AND r.status = 'closed' AND r.outcome = 'no_action'
                    AND $1::date - r.closed_on < p.cooldown)
