-- The permit's place in its queue's backlog: rank k of n in the order the run opens
-- reviews (score, then the earliest signal, then permit id; sql/run/25_reviews/open.sql).
-- Only the rank and the count of the others. $1 permit_id.
SELECT queue, score, since, first_raised, rank, waiting
FROM (SELECT b.permit_id, b.queue, b.score, b.since, b.first_raised,
             row_number() OVER (PARTITION BY b.queue ORDER BY b.score DESC, b.first_raised, b.permit_id) AS rank,
             count(*) OVER (PARTITION BY b.queue) AS waiting
      FROM supervision.review_backlog b
      WHERE b.queue = (SELECT q.queue FROM supervision.review_backlog q WHERE q.permit_id = $1)) r
WHERE permit_id = $1
