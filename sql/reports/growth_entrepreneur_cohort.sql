-- rules.md §9: the growth-entrepreneur statistics product: the rows of
-- stats.growth_entrepreneur_cohort, grouped here from stats.permit_outcome as
-- supervision_cohort.sql does, less the permits whose decision_date is not a calendar day
-- or out of the registers' range (they have no grant year; the view fails on them).
SELECT o.grant_year, o.sequence,
       count(*)                                                       AS granted,
       count(*) FILTER (WHERE o.enrolled)                             AS enrolled,
       count(*) FILTER (WHERE o.with_signal)                          AS with_signal,
       count(*) FILTER (WHERE o.latest_review_status IS NOT NULL)     AS with_review,
       round(100.0 * count(*) FILTER (WHERE o.latest_review_status IS NOT NULL) / count(*), 1)::text AS review_share_pct,
       count(*) FILTER (WHERE o.latest_review_outcome = 'revoked')    AS revoked,
       count(*) FILTER (WHERE o.latest_review_outcome = 'no_action')  AS no_action,
       count(*) FILTER (WHERE o.latest_review_status IN ('open', 'hearing')) AS open
FROM stats.permit_outcome o
WHERE o.basis = 'growth_entrepreneur'
  AND o.permit_id NOT IN (SELECT permit_id FROM registry.permit
                          WHERE decision_date IS NOT NULL AND pg_temp.day(decision_date) IS NULL)
GROUP BY o.grant_year, o.sequence
ORDER BY o.grant_year, o.sequence
