-- The statistics product's reader (supervision_stats_reader) produces every published
-- export (report growth-entrepreneurs|statistics --publish) and reads nothing more: the
-- stats views without a person or permit id, the days of the completed runs, and the
-- schema's version (the binary checks it before it reads). The views run with their
-- owner's rights, so the reader needs nothing underneath.

-- A permit whose decision_date is not a calendar day in the registers' range ('infinity',
-- '-infinity', a year past 9999; rejected by the run, rules.md §8) has no grant year: the
-- views leave it out instead of failing on it.
CREATE OR REPLACE VIEW stats.permit_outcome AS
SELECT p.permit_id,
       p.basis,
       p.sequence,
       extract(year FROM p.decision_date)::integer AS grant_year,
       EXISTS (SELECT 1 FROM supervision.supervised_permit sp WHERE sp.permit_id = p.permit_id) AS enrolled,
       EXISTS (SELECT 1 FROM supervision.signal s WHERE s.permit_id = p.permit_id) AS with_signal,
       latest.status AS latest_review_status,
       latest.outcome AS latest_review_outcome
FROM registry.permit p
LEFT JOIN LATERAL (
    SELECT r.status, r.outcome
    FROM supervision.revocation_review r
    WHERE r.permit_id = p.permit_id
    ORDER BY r.opened_on DESC, r.review_id DESC
    LIMIT 1
) latest ON true
WHERE p.decision_date BETWEEN date '1800-01-01' AND date '9999-12-31' AND p.basis IS NOT NULL
  AND p.sequence IS NOT NULL;

-- The completed runs' days: the last judges maturity and rejections, the first where a
-- backtest may start. The supervisor role reads it too, for the queue report's day.
CREATE VIEW stats.completed_run AS
SELECT run_id, as_of FROM supervision.run WHERE status = 'succeeded';

-- Per basis and signal type: the permits that had a signal of the type, the signals, and
-- the reviews that had one linked, by how they ended (docs/reports.md). A signal of a permit
-- no longer in the register has no basis and is left out.
CREATE VIEW stats.signal_type_by_basis AS
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
       round(100.0 * v.revoked / nullif(v.revoked + v.no_action, 0), 1) AS precision_pct
FROM raised a
LEFT JOIN reviewed v ON v.basis = a.basis AND v.signal_type = a.signal_type;

REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON stats.completed_run, stats.signal_type_by_basis FROM supervision_batch;
GRANT SELECT ON stats.completed_run, stats.signal_type_by_basis TO supervision_batch, supervision_stats_reader;
GRANT USAGE ON SCHEMA supervision TO supervision_stats_reader;
GRANT SELECT (version) ON supervision.schema_version TO supervision_stats_reader;
GRANT USAGE ON SCHEMA stats TO supervision_supervisor;
GRANT SELECT ON stats.completed_run TO supervision_supervisor;
