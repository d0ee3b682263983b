-- Per signal type, how the reviews it was linked to ended (observed precision).
SELECT signal_type, reviews, revoked, no_action, open, precision_pct::text
FROM stats.signal_precision
ORDER BY signal_type
