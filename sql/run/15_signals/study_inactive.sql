-- rules.md §5 study_inactive. The terms looked at start on or after
-- add_months(valid_from, grace), end before as_of and on or before valid_until, and are
-- complete for the study register. Raised when the latest has no record or only absent
-- or withdrawn records, or when the last two are both present with 0 credits. A record
-- belongs to the term its term_start falls in; a term is present if any record is, else
-- graduated if any is. A graduated term overlapping validity ends the requirement for
-- that term and every later one. $1 as_of.
-- The previous term and the graduation are window values over each permit's terms, and
-- the holder and grace travel along (a nested loop between two CTEs took 70 s at 4×S1);
-- the records are aggregated per term first, then joined to the terms by key.
WITH students AS (
    SELECT a.*
    FROM pg_temp.active_permit a
    JOIN pg_temp.signal_scope ss
      ON ss.signal_type = 'study_inactive' AND ss.basis = a.basis AND ss.sequence IN (a.sequence, '*')
), records AS (
    -- The students' study records, each in the term its term_start falls in (terms do not
    -- span years), counted from their term_end. Joined person by person, before the terms
    -- are spread over the years: the planner sees how few records a few students have.
    SELECT s.permit_id, t.name, make_date(y.y, t.start_month, t.start_day) AS term_start,
           bool_or(r.enrolment = 'present') AS present, bool_or(r.enrolment = 'graduated') AS graduated,
           count(r.enrolment) AS records, sum(r.credits) AS credits
    FROM students s
    JOIN registry.study_record r ON r.person_id = s.person_id
    -- pg_temp.day: a term_start that is no calendar day has no year (such a row is rejected;
    -- the join may meet it before the anti-join leaves it out).
    CROSS JOIN LATERAL (SELECT extract(year FROM pg_temp.day(r.term_start))::integer AS y) y
    JOIN pg_temp.study_term t
      ON r.term_start BETWEEN make_date(y.y, t.start_month, t.start_day) AND make_date(y.y, t.end_month, t.end_day)
    WHERE r.term_end <= $1
      AND NOT EXISTS (SELECT 1 FROM pg_temp.rejected_now x
                      WHERE x.source = 'study_record'
                        AND x.source_key = pg_temp.source_key(r.person_id, r.institution_id, r.term_start::text))
    GROUP BY s.permit_id, t.name, make_date(y.y, t.start_month, t.start_day)
), terms AS (
    SELECT s.permit_id, s.person_id, s.grace_months, s.valid_from, s.valid_until, s.eval_from, t.name,
           make_date(y, t.start_month, t.start_day) AS term_start,
           make_date(y, t.end_month, t.end_day) AS term_end
    FROM students s
    CROSS JOIN pg_temp.study_term t
    CROSS JOIN generate_series(extract(year FROM s.valid_from)::integer - 1, extract(year FROM $1::date)::integer) y
), term_status AS (
    SELECT t.permit_id, t.person_id, t.grace_months, t.name, t.term_start, t.term_end, t.valid_from, t.valid_until,
           t.eval_from,
           CASE WHEN r.present THEN 'present'
                WHEN r.graduated THEN 'graduated'
                WHEN r.records > 0 THEN 'absent_or_withdrawn'
                ELSE 'no_record' END AS status,
           coalesce(r.credits, 0) AS credits,
           coalesce(r.records, 0) AS records
    FROM terms t
    LEFT JOIN records r ON r.permit_id = t.permit_id AND r.name = t.name AND r.term_start = t.term_start
), graduation AS (
    -- The first graduated term overlapping validity, over all the permit's terms.
    SELECT ts.*,
           min(ts.term_start) FILTER (WHERE ts.status = 'graduated' AND ts.term_end >= ts.valid_from
                                        AND ts.term_start <= ts.valid_until)
               OVER (PARTITION BY ts.permit_id) AS graduated_term_start
    FROM term_status ts
), evaluated AS (
    SELECT g.*,
           row_number() OVER w AS recency,
           lead(g.term_start) OVER w AS prev_start, lead(g.term_end) OVER w AS prev_end,
           lead(g.status) OVER w AS prev_status, lead(g.credits) OVER w AS prev_credits,
           lead(g.name) OVER w AS prev_name
    FROM graduation g
    JOIN pg_temp.register st ON st.source = 'studies'
    WHERE g.term_start >= g.eval_from
      AND g.term_end < $1
      AND g.term_end <= g.valid_until
      AND g.term_end <= st.complete_through
    WINDOW w AS (PARTITION BY g.permit_id ORDER BY g.term_start DESC)
), breach AS (
    SELECT e.*,
           CASE WHEN e.status IN ('no_record', 'absent_or_withdrawn') THEN 'latest_term_not_present'
                WHEN e.status = 'present' AND e.credits = 0 AND e.prev_status = 'present' AND e.prev_credits = 0
                    THEN 'two_terms_without_credits' END AS reason
    FROM evaluated e
    WHERE e.recency = 1
      AND (e.graduated_term_start IS NULL OR e.graduated_term_start > e.term_start)
)
INSERT INTO pg_temp.signal_now (permit_id, person_id, signal_type, period_start, period_end, evidence)
SELECT b.permit_id, b.person_id, 'study_inactive',
       CASE WHEN b.reason = 'two_terms_without_credits' THEN b.prev_start ELSE b.term_start END, b.term_end,
       jsonb_build_object(
           'reason', b.reason,
           'latest_term', jsonb_build_object('name', b.name, 'start', b.term_start, 'end', b.term_end,
                                             'status', b.status, 'credits', b.credits),
           'previous_term', CASE WHEN b.prev_start IS NULL THEN NULL
                                 ELSE jsonb_build_object('name', b.prev_name, 'start', b.prev_start, 'end', b.prev_end,
                                                         'status', b.prev_status, 'credits', b.prev_credits) END,
           'grace_months', b.grace_months,
           'studies_complete_through', (SELECT complete_through FROM pg_temp.register WHERE source = 'studies'))
FROM breach b
WHERE b.reason IS NOT NULL
