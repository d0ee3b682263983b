-- rules.md §9: the general statistics, every basis, from the stats view.
SELECT basis, grant_year, sequence, granted, enrolled, with_signal, with_review, review_share_pct::text,
       revoked, no_action, open
FROM stats.supervision_cohort
ORDER BY basis, grant_year, sequence
