-- rules.md §9: the growth-entrepreneur statistics product, from the stats view.
SELECT grant_year, sequence, granted, enrolled, with_signal, with_review, review_share_pct::text,
       revoked, no_action, open
FROM stats.growth_entrepreneur_cohort
ORDER BY grant_year, sequence
