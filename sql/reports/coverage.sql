-- rules.md §9, annual coverage compliance for year $1: the eligible permits, whatever their
-- status, with decision_date in the year, matching a coverage line (bases, sequence,
-- validity, scope) whose effective_from ≤ min(valid_until, 31.12.Y), each under its
-- first matching line in configuration order (pg_temp.coverage_line); covered when the
-- permit has an enrolment. An uncovered permit gets the first reason that applies:
-- rejected by the last completed run, validity not started (valid_from after that run's
-- as_of), revoked or withdrawn (whatever its status_date), no run while valid.
-- A permit rejected for several reasons lists them all, alphabetically, joined by "; ".
-- One row per eligible permit, by line order then permit_id.
WITH last_run AS (
    SELECT run_id, as_of FROM supervision.run WHERE status = 'succeeded' ORDER BY run_id DESC LIMIT 1
), eligible AS (
    SELECT DISTINCT ON (p.permit_id) p.permit_id, p.valid_from, p.status, l.line_id, l.ord
    FROM registry.permit p
    JOIN pg_temp.coverage_line l
      ON l.basis = p.basis AND l.sequence = p.sequence
     AND l.effective_from <= least(p.valid_until, make_date($1::integer, 12, 31))
    WHERE p.decision_date BETWEEN make_date($1::integer, 1, 1) AND make_date($1::integer, 12, 31)
      -- pg_temp.bounded: a date out of the registers' range (rules.md §8) would make the
      -- line's arithmetic fail; such a permit (rejected) is judged as if its date were
      -- infinite. valid_until 'infinity' meets every line's validity.
      AND supervision.line_conditions_hold(pg_temp.bounded(p.valid_from), pg_temp.bounded(p.valid_until),
                                           pg_temp.bounded(p.decision_date),
                                           l.validity, l.validity_months, l.scope_field, l.scope_from)
    ORDER BY p.permit_id, l.ord
)
SELECT e.permit_id, e.line_id, sp.permit_id IS NOT NULL AS covered,
       CASE WHEN sp.permit_id IS NOT NULL THEN NULL
            WHEN rj.reasons IS NOT NULL THEN 'rejected: ' || rj.reasons
            WHEN e.valid_from > (SELECT as_of FROM last_run) THEN 'validity not started'
            WHEN e.status IN ('revoked', 'withdrawn') THEN 'revoked or withdrawn before enrolment'
            ELSE 'no run while valid'
       END AS reason
FROM eligible e
LEFT JOIN supervision.supervised_permit sp ON sp.permit_id = e.permit_id
LEFT JOIN LATERAL (
    SELECT string_agg(r.reason, '; ' ORDER BY r.reason) AS reasons
    FROM supervision.rejected_row r
    WHERE r.source = 'permit' AND r.source_key = e.permit_id
      AND r.last_seen_run = (SELECT run_id FROM last_run)
) rj ON true
ORDER BY e.ord, e.permit_id
