-- The demo's supervisors (docs/demo-data.md), first step of the days up to $1: an open
-- review whose hearing day has come goes to hearing. Each review's course is drawn from a
-- hash of ($2, review_id), the same draws as supervise_close.sql: revoked with probability
-- 0.28 (Migri, employed persons in 2025: 468 of 1 663 reviews ended in revocation), always
-- after a hearing; of the others 70 % are heard and 30 % closed without one. The hearing
-- begins 7–27 days after the review opened.
UPDATE supervision.revocation_review r
SET status = 'hearing'
FROM (
    SELECT d.review_id, d.heard, d.opened_on + 7 + floor(21 * d.u_days)::integer AS hearing_on
    FROM (
        SELECT x.review_id, x.opened_on,
               (hashtextextended('outcome/' || x.review_id, $2::bigint) & 16777215) / 16777216.0 < 0.28
               OR (hashtextextended('heard/' || x.review_id, $2::bigint) & 16777215) / 16777216.0 < 0.7 AS heard,
               (hashtextextended('hearing-days/' || x.review_id, $2::bigint) & 16777215) / 16777216.0 AS u_days
        FROM supervision.revocation_review x
        WHERE x.status = 'open'
    ) d
) c
WHERE r.review_id = c.review_id AND r.status = 'open' AND c.heard AND c.hearing_on <= $1::date
