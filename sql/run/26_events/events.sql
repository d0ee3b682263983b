-- The case system's events of this run (supervision.event), in its writing transaction:
-- the reviews it opened; the open or hearing reviews it linked new signals to; the
-- reviews whose priority or due date it raised; the permits whose supervision ended while
-- a review of them is open or in hearing (the review stays for the officials). Ids follow
-- the last one, in a fixed order: a run repeated after a crash writes the same events.
-- $1 run_id. Returns the kinds written.
WITH found AS (
    SELECT 1 AS k, 'review_opened' AS kind, r.permit_id, r.review_id,
           jsonb_build_object('queue', r.queue, 'priority', r.priority, 'due_on', r.due_on) AS detail
    FROM supervision.revocation_review r
    WHERE r.opened_run = $1
    UNION ALL
    SELECT 2, 'signals_linked', r.permit_id, r.review_id,
           jsonb_build_object('signals', jsonb_agg(jsonb_build_object('signal_id', s.signal_id,
                                                                      'signal_type', s.signal_type)
                                                   ORDER BY s.signal_id))
    FROM supervision.signal s
    JOIN supervision.revocation_review r ON r.review_id = s.review_id
    WHERE s.linked_run = $1 AND r.opened_run <> $1
    GROUP BY r.permit_id, r.review_id
    UNION ALL
    SELECT 3, 'priority_raised', x.permit_id, x.review_id,
           jsonb_build_object('priority_before', x.old_priority, 'priority', x.priority,
                              'due_on_before', x.old_due_on, 'due_on', x.due_on)
    FROM pg_temp.escalated x
    UNION ALL
    SELECT 4, 'supervision_ended_with_open_review', p.permit_id, r.review_id,
           jsonb_build_object('end_reason', p.end_reason, 'ended_on', p.ended_on)
    FROM supervision.supervised_permit p
    JOIN supervision.revocation_review r ON r.permit_id = p.permit_id AND r.status IN ('open', 'hearing')
    WHERE p.ended_run = $1
), written AS (
    INSERT INTO supervision.event (event_id, run_id, kind, permit_id, review_id, detail)
    SELECT (SELECT coalesce(max(event_id), 0) FROM supervision.event)
               + row_number() OVER (ORDER BY f.k, f.permit_id, f.review_id),
           $1, f.kind, f.permit_id, f.review_id, f.detail
    FROM found f
    RETURNING kind, event_id
)
SELECT kind, count(*) AS events, max(event_id) AS last_event_id FROM written GROUP BY kind ORDER BY kind
