-- The statistics product (contract.md, schema `stats`; rules.md §9) and the
-- quality-control sample of each run. The views hold exact counts of permits;
-- small-cell suppression is applied only by the published exports. No view carries a
-- person id.
CREATE SCHEMA IF NOT EXISTS stats;

-- One row per register permit with what supervision did with it: the facts the cohort
-- views count. Permits without a decision_date, basis or sequence have no cohort (they are
-- in supervision.rejected_row). The latest review of a permit is the one opened last
-- (opened_on, then review_id).
CREATE VIEW stats.permit_outcome AS
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
WHERE p.decision_date IS NOT NULL AND p.basis IS NOT NULL AND p.sequence IS NOT NULL;

-- rules.md §9: per basis, grant year (the year of decision_date) and sequence.
CREATE VIEW stats.supervision_cohort AS
SELECT basis,
       grant_year,
       sequence,
       count(*)                                                   AS granted,
       count(*) FILTER (WHERE enrolled)                           AS enrolled,
       count(*) FILTER (WHERE with_signal)                        AS with_signal,
       count(*) FILTER (WHERE latest_review_status IS NOT NULL)   AS with_review,
       round(100.0 * count(*) FILTER (WHERE latest_review_status IS NOT NULL) / count(*), 1) AS review_share_pct,
       count(*) FILTER (WHERE latest_review_outcome = 'revoked')   AS revoked,
       count(*) FILTER (WHERE latest_review_outcome = 'no_action') AS no_action,
       count(*) FILTER (WHERE latest_review_status IN ('open', 'hearing')) AS open
FROM stats.permit_outcome
GROUP BY basis, grant_year, sequence;

CREATE VIEW stats.growth_entrepreneur_cohort AS
SELECT grant_year, sequence, granted, enrolled, with_signal, with_review, review_share_pct, revoked, no_action, open
FROM stats.supervision_cohort
WHERE basis = 'growth_entrepreneur';

-- The observed precision of each signal type: of the reviews that had a signal of the
-- type linked, how many ended revoked, ended no_action, or are still open or in hearing.
-- precision_pct = 100 × revoked / (revoked + no_action), NULL before any closed.
CREATE VIEW stats.signal_precision AS
WITH typed AS (
    SELECT DISTINCT s.signal_type, r.review_id, r.status, r.outcome
    FROM supervision.signal s
    JOIN supervision.revocation_review r ON r.review_id = s.review_id
)
SELECT signal_type,
       count(*)                                              AS reviews,
       count(*) FILTER (WHERE outcome = 'revoked')           AS revoked,
       count(*) FILTER (WHERE outcome = 'no_action')         AS no_action,
       count(*) FILTER (WHERE status IN ('open', 'hearing')) AS open,
       round(100.0 * count(*) FILTER (WHERE outcome = 'revoked')
             / nullif(count(*) FILTER (WHERE outcome IS NOT NULL), 0), 1) AS precision_pct
FROM typed
GROUP BY signal_type;

-- The quality-control sample: enrolled permits with no open signal and no active review,
-- drawn reproducibly each run day for manual control (docs/reports.md). One sample per
-- as_of: a rerun of the same day keeps the sample already drawn.
CREATE TABLE supervision.qc_sample (
    as_of      date   NOT NULL,
    permit_id  text   NOT NULL,
    run_id     bigint NOT NULL,
    line_id    text   NOT NULL,
    draw_rank  integer NOT NULL,   -- 1 = first drawn (the smallest md5(as_of || permit_id))
    PRIMARY KEY (as_of, permit_id)
);
CREATE INDEX qc_sample_run_idx ON supervision.qc_sample (run_id);
