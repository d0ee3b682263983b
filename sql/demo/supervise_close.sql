-- The demo's supervisors (docs/demo-data.md), second step of the days up to $1: a review
-- whose decision day has come is closed, revoked or no_action, with closed_on that day
-- (never before it opened). The draws are supervise_hearing.sql's: a heard review is
-- decided 14–56 days after its hearing began (and only once in hearing), one closed without
-- a hearing 5–34 days after it opened.
UPDATE supervision.revocation_review r
SET status = 'closed',
    outcome = CASE WHEN c.revoked THEN 'revoked' ELSE 'no_action' END,
    closed_on = c.closed_on
FROM (
    SELECT d.review_id, d.revoked, d.heard,
           CASE WHEN d.heard THEN d.opened_on + 7 + floor(21 * d.u_hearing)::integer + 14 + floor(43 * d.u_close)::integer
                ELSE d.opened_on + 5 + floor(30 * d.u_close)::integer END AS closed_on
    FROM (
        SELECT x.review_id, x.opened_on,
               (hashtextextended('outcome/' || x.review_id, $2::bigint) & 16777215) / 16777216.0 < 0.28 AS revoked,
               (hashtextextended('outcome/' || x.review_id, $2::bigint) & 16777215) / 16777216.0 < 0.28
               OR (hashtextextended('heard/' || x.review_id, $2::bigint) & 16777215) / 16777216.0 < 0.7 AS heard,
               (hashtextextended('hearing-days/' || x.review_id, $2::bigint) & 16777215) / 16777216.0 AS u_hearing,
               (hashtextextended('close-days/' || x.review_id, $2::bigint) & 16777215) / 16777216.0 AS u_close
        FROM supervision.revocation_review x
        WHERE x.status IN ('open', 'hearing')
    ) d
) c
WHERE r.review_id = c.review_id AND r.status IN ('open', 'hearing') AND c.closed_on <= $1::date
  AND (r.status = 'hearing' OR NOT c.heard)
