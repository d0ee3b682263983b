-- rules.md §9, the statistics per basis and signal type: how many permits of the basis had
-- a signal of the type (any status) and how many signals, and the reviews that had at least
-- one signal of the type linked (a review counts once per type, and under every type it
-- had): how many ended revoked, ended no_action, or are still open or in hearing, and the
-- observed precision 100 × revoked / (revoked + no_action), NULL before any closed. A
-- signal of a permit no longer in the register has no basis and is left out. No person id.
WITH typed AS (
    SELECT p.basis, s.signal_type, s.permit_id, s.review_id
    FROM supervision.signal s
    JOIN registry.permit p ON p.permit_id = s.permit_id
), raised AS (
    SELECT basis, signal_type, count(DISTINCT permit_id) AS permits, count(*) AS signals
    FROM typed
    GROUP BY basis, signal_type
), reviewed AS (
    SELECT t.basis, t.signal_type,
           count(*)                                                AS reviews,
           count(*) FILTER (WHERE r.outcome = 'revoked')           AS revoked,
           count(*) FILTER (WHERE r.outcome = 'no_action')         AS no_action,
           count(*) FILTER (WHERE r.status IN ('open', 'hearing')) AS open
    FROM (SELECT DISTINCT basis, signal_type, review_id FROM typed WHERE review_id IS NOT NULL) t
    JOIN supervision.revocation_review r ON r.review_id = t.review_id
    GROUP BY t.basis, t.signal_type
)
SELECT a.basis, a.signal_type, a.permits, a.signals,
       coalesce(v.reviews, 0) AS reviews, coalesce(v.revoked, 0) AS revoked,
       coalesce(v.no_action, 0) AS no_action, coalesce(v.open, 0) AS open,
       round(100.0 * v.revoked / nullif(v.revoked + v.no_action, 0), 1)::text AS precision_pct
FROM raised a
LEFT JOIN reviewed v ON v.basis = a.basis AND v.signal_type = a.signal_type
ORDER BY a.basis, a.signal_type
