-- rules.md §9, the stock view of coverage for year $1: a permit is eligible in the year
-- when on some day d of the year, up to the last completed run's as_of, it was valid
-- (rules.md §1: valid_from ≤ d ≤ valid_until and granted, a revocation or withdrawal
-- counting from its status_date), its holder had no deceased event on or before d, and it
-- matched a coverage line (bases, sequence, validity, scope) with effective_from ≤ d. Such
-- days form one interval per permit and line: from the later of valid_from and the line's
-- effective_from to the earliest of valid_until, the day before the status_date of a
-- revocation or withdrawal, the day before the death and that as_of. The permit counts
-- under its first matching line in configuration order among the lines in force on one of
-- its days of the year, whatever its decision year; it is covered when its enrolment's
-- enrolled_on is on or before its last such day of the year. The enrolment lag of a covered
-- permit is enrolled_on minus its first such day of any year. An uncovered permit gets the
-- first reason that applies: rejected by the last completed run; revoked or withdrawn and
-- never enrolled; no run while valid. (Its validity started by that as_of, by definition.)
-- Deaths rejected by the last completed run are no deaths, as for the enrolment. Before any
-- completed run no day qualifies: nothing is eligible.
-- One row per eligible permit, by line order then permit_id.
WITH last_run AS (
    SELECT run_id, as_of FROM supervision.run WHERE status = 'succeeded' ORDER BY run_id DESC LIMIT 1
), year_ AS (
    SELECT make_date($1::integer, 1, 1) AS first_day, make_date($1::integer, 12, 31) AS last_day
), permit_ AS (
    -- pg_temp.bounded: a date out of the registers' range (rules.md §8) is judged as if it
    -- were infinite, so that no date makes the report fail. LEAST passes over the NULLs of a
    -- permit that was granted all along or a holder who is alive.
    SELECT p.permit_id, p.status, pg_temp.bounded(p.valid_from) AS valid_from,
           pg_temp.bounded(p.valid_until) AS valid_until, pg_temp.bounded(p.decision_date) AS decision_date,
           p.basis, p.sequence,
           least(pg_temp.bounded(p.valid_until),
                 CASE WHEN p.status IN ('revoked', 'withdrawn') THEN pg_temp.bounded(p.status_date) - 1 END,
                 death.died_on - 1,
                 r.as_of) AS valid_end
    FROM registry.permit p
    CROSS JOIN last_run r
    LEFT JOIN LATERAL (
        SELECT min(pg_temp.day(e.event_date)) AS died_on
        FROM registry.population_event e
        WHERE e.person_id = p.person_id AND e.event_type = 'deceased'
          AND NOT EXISTS (SELECT 1 FROM supervision.rejected_row x
                          WHERE x.source = 'population_event' AND x.source_key = e.event_id
                            AND x.last_seen_run = r.run_id)
    ) death ON true
    WHERE p.status = 'granted' OR (p.status IN ('revoked', 'withdrawn') AND p.status_date IS NOT NULL)
), matched AS (
    SELECT pm.permit_id, pm.status, pm.valid_end, l.line_id, l.ord,
           greatest(pm.valid_from, l.effective_from) AS line_from
    FROM permit_ pm
    JOIN pg_temp.coverage_line l ON l.basis = pm.basis AND l.sequence = pm.sequence
    WHERE supervision.line_conditions_hold(pm.valid_from, pm.valid_until, pm.decision_date,
                                           l.validity, l.validity_months, l.scope_field, l.scope_from)
      AND greatest(pm.valid_from, l.effective_from) <= pm.valid_end
), eligible AS (
    -- The lines left out here start after the year's last eligible day, so the window's
    -- minimum is the first eligible day of any year.
    SELECT DISTINCT ON (m.permit_id) m.permit_id, m.status, m.line_id, m.ord,
           least(m.valid_end, y.last_day) AS last_day,
           min(m.line_from) OVER (PARTITION BY m.permit_id) AS first_day
    FROM matched m
    CROSS JOIN year_ y
    WHERE greatest(m.line_from, y.first_day) <= least(m.valid_end, y.last_day)
    ORDER BY m.permit_id, m.ord
)
SELECT e.permit_id, e.line_id, coalesce(sp.enrolled_on <= e.last_day, false) AS covered,
       CASE WHEN sp.enrolled_on <= e.last_day THEN NULL
            WHEN rj.reasons IS NOT NULL THEN 'rejected: ' || rj.reasons
            WHEN e.status IN ('revoked', 'withdrawn') AND sp.permit_id IS NULL THEN 'revoked or withdrawn before enrolment'
            ELSE 'no run while valid'
       END AS reason,
       CASE WHEN sp.enrolled_on <= e.last_day THEN sp.enrolled_on - e.first_day END AS lag_days
FROM eligible e
LEFT JOIN supervision.supervised_permit sp ON sp.permit_id = e.permit_id
LEFT JOIN LATERAL (
    SELECT string_agg(r.reason, '; ' ORDER BY r.reason) AS reasons
    FROM supervision.rejected_row r
    WHERE r.source = 'permit' AND r.source_key = e.permit_id
      AND r.last_seen_run = (SELECT run_id FROM last_run)
) rj ON true
ORDER BY e.ord, e.permit_id
