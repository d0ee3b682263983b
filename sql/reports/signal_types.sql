-- rules.md §9, the statistics per basis and signal type (stats.signal_type_by_basis): how
-- many permits of the basis had a signal of the type (any status) and how many signals,
-- and the reviews that had at least one signal of the type linked (a review counts once
-- per type, and under every type it had): how many ended revoked, ended no_action, or are
-- still open or in hearing, and the observed precision 100 × revoked / (revoked +
-- no_action), NULL before any closed. No person id.
SELECT basis, signal_type, permits, signals, reviews, revoked, no_action, open, precision_pct::text
FROM stats.signal_type_by_basis
ORDER BY basis, signal_type
