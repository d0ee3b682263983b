-- rules.md §6.3–4: per queue, candidates in order of score (high first), earliest
-- raised_on, permit_id are opened up to the queue's daily capacity, which counts every
-- review of the queue opened on as_of, by any run. Opened reviews get due_on from the
-- queue's SLA, priority = score, and the evidence of the signals they are opened on (an
-- explained one with its explanation: it weighs 0 in the score).
-- $1 as_of, $2 run_id. Returns the reviews opened per queue.
WITH ranked AS (
    SELECT c.*, row_number() OVER (PARTITION BY c.queue ORDER BY c.score DESC, c.first_raised, c.permit_id) AS r
    FROM pg_temp.candidate c
), room AS MATERIALIZED (
    SELECT k.queue,
           greatest(coalesce(pg_temp.param('daily_capacity.' || k.queue, '*', '*', $1), 0)::integer
                    - (SELECT count(*) FROM supervision.revocation_review rr
                       WHERE rr.queue = k.queue AND rr.opened_on = $1), 0) AS free
    FROM (SELECT DISTINCT queue FROM pg_temp.candidate) k
), chosen AS (
    SELECT ranked.* FROM ranked JOIN room ON room.queue = ranked.queue WHERE ranked.r <= room.free
), opened AS (
    INSERT INTO supervision.revocation_review
        (review_id, permit_id, person_id, queue, priority, status, opened_on, opened_run, due_on, evidence)
    SELECT (SELECT coalesce(max(review_id), 0) FROM supervision.revocation_review)
               + row_number() OVER (ORDER BY ch.queue, ch.r),
           ch.permit_id, ch.person_id, ch.queue, ch.score, 'open', $1, $2,
           $1::date + pg_temp.param('sla_days.' || ch.queue, '*', '*', $1)::integer,
           (SELECT jsonb_build_object('score', ch.score, 'signals',
                       jsonb_agg(jsonb_build_object('signal_id', s.signal_id, 'signal_type', s.signal_type,
                                                    'weight', s.weight, 'raised_on', s.raised_on,
                                                    'period_start', s.period_start, 'period_end', s.period_end,
                                                    'evidence', s.evidence)
                                 || CASE WHEN e.permit_id IS NULL THEN '{}'::jsonb
                                         ELSE jsonb_build_object('explained_until', e.explained_until,
                                                                 'explanation', e.reason) END
                                 ORDER BY s.signal_id))
            FROM supervision.signal s
            LEFT JOIN pg_temp.explained e ON e.permit_id = s.permit_id AND e.signal_type = s.signal_type
            WHERE s.permit_id = ch.permit_id AND s.status = 'open' AND s.review_id IS NULL)
    FROM chosen ch
    RETURNING queue
)
SELECT queue, count(*) AS reviews FROM opened GROUP BY queue ORDER BY queue
