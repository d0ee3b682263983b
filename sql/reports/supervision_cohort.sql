-- rules.md §9: the general statistics, every basis: the rows of stats.supervision_cohort,
-- grouped here from stats.permit_outcome the same way, less the permits whose
-- decision_date is not a calendar day ('infinity', '-infinity') or out of the registers'
-- range (pg_temp.day; rejected by the run, rules.md §8): they have no grant year, and the
-- view, which takes the year of every permit, fails on an infinite one. The filter is on
-- the register's rows, before the year is taken.
SELECT o.basis, o.grant_year, o.sequence,
       count(*)                                                       AS granted,
       count(*) FILTER (WHERE o.enrolled)                             AS enrolled,
       count(*) FILTER (WHERE o.with_signal)                          AS with_signal,
       count(*) FILTER (WHERE o.latest_review_status IS NOT NULL)     AS with_review,
       round(100.0 * count(*) FILTER (WHERE o.latest_review_status IS NOT NULL) / count(*), 1)::text AS review_share_pct,
       count(*) FILTER (WHERE o.latest_review_outcome = 'revoked')    AS revoked,
       count(*) FILTER (WHERE o.latest_review_outcome = 'no_action')  AS no_action,
       count(*) FILTER (WHERE o.latest_review_status IN ('open', 'hearing')) AS open
FROM stats.permit_outcome o
WHERE o.permit_id NOT IN (SELECT permit_id FROM registry.permit
                          WHERE decision_date IS NOT NULL AND pg_temp.day(decision_date) IS NULL)
GROUP BY o.basis, o.grant_year, o.sequence
ORDER BY o.basis, o.grant_year, o.sequence
