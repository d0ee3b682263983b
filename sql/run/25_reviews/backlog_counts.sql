-- The backlog per queue after this run.
SELECT queue, count(*) AS permits FROM supervision.review_backlog GROUP BY queue ORDER BY queue
