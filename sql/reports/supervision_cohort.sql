-- rules.md §9: the general statistics, every basis, from the stats view (a permit whose
-- decision_date is no calendar day has no grant year and is not in it, migration 0013).
SELECT basis, grant_year, sequence, granted, enrolled, with_signal, with_review, review_share_pct::text,
       revoked, no_action, open
FROM stats.supervision_cohort
ORDER BY basis, grant_year, sequence
