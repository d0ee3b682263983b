-- rules.md §6, escalation: a review that got new signals this run (link.sql; it is locked,
-- lock.sql) gets as priority the sum of the weights of all its linked open signals, an
-- explained one weighing 0, where that is higher; where the priority then reaches the
-- queue's urgent_threshold (none by default), its due date becomes the earlier of its own
-- and as_of + urgent_sla_days. Only rows that change are touched; each change is in the
-- audit trail. $1 as_of, $2 run_id.
WITH joined AS (
    SELECT l.review_id, sum(CASE WHEN e.permit_id IS NULL THEN s.weight ELSE 0 END) AS weight
    FROM pg_temp.review_locked l
    JOIN supervision.signal s ON s.review_id = l.review_id AND s.status = 'open'
    LEFT JOIN pg_temp.explained e ON e.permit_id = s.permit_id AND e.signal_type = s.signal_type
    WHERE EXISTS (SELECT 1 FROM supervision.signal n WHERE n.review_id = l.review_id AND n.linked_run = $2)
    GROUP BY l.review_id
), target AS (
    SELECT r.review_id, r.permit_id, r.priority AS old_priority, r.due_on AS old_due_on,
           greatest(r.priority, j.weight) AS priority,
           CASE WHEN greatest(r.priority, j.weight) >= pg_temp.param('urgent_threshold.' || r.queue, '*', '*', $1)
                THEN least(r.due_on, $1::date + pg_temp.param('urgent_sla_days.' || r.queue, '*', '*', $1)::integer)
                ELSE r.due_on END AS due_on
    FROM supervision.revocation_review r
    JOIN joined j ON j.review_id = r.review_id
), raised AS (
    UPDATE supervision.revocation_review r
    SET priority = t.priority, due_on = t.due_on
    FROM target t
    WHERE r.review_id = t.review_id AND (t.priority, t.due_on) IS DISTINCT FROM (t.old_priority, t.old_due_on)
    RETURNING r.review_id
)
INSERT INTO pg_temp.escalated (review_id, permit_id, old_priority, priority, old_due_on, due_on)
SELECT t.review_id, t.permit_id, t.old_priority, t.priority, t.old_due_on, t.due_on
FROM target t JOIN raised USING (review_id)
