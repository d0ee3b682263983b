-- rules.md §5 student_work_hours_exceeded: for Y = the year of as_of and, when it
-- overlapped validity, Y − 1: the hours of the person's income records attributed to Y
-- exceed the yearly cap in force on 31 December of Y. $1 as_of.
WITH years AS (
    SELECT a.permit_id, a.person_id, a.basis, a.sequence, y
    FROM pg_temp.active_permit a
    JOIN pg_temp.signal_scope ss
      ON ss.signal_type = 'student_work_hours_exceeded' AND ss.basis = a.basis AND ss.sequence IN (a.sequence, '*')
    CROSS JOIN LATERAL (VALUES (extract(year FROM $1::date)::integer),
                               (extract(year FROM $1::date)::integer - 1)) v(y)
    WHERE y = extract(year FROM $1::date)::integer
       OR (make_date(y, 1, 1) <= a.valid_until AND make_date(y, 12, 31) >= a.valid_from)
), caps AS MATERIALIZED (
    -- The cap is looked up once per (basis, sequence, year), not once per permit.
    SELECT k.basis, k.sequence, k.y,
           pg_temp.param('student_yearly_work_hours', k.basis, k.sequence, make_date(k.y, 12, 31)) AS cap,
           pg_temp.param_since('student_yearly_work_hours', k.basis, k.sequence, make_date(k.y, 12, 31)) AS cap_since
    FROM (SELECT DISTINCT basis, sequence, y FROM years) k
), totals AS (
    SELECT yr.permit_id, yr.person_id, yr.y, coalesce(sum(pm.hours), 0) AS hours, c.cap, c.cap_since
    FROM years yr
    JOIN caps c ON c.basis = yr.basis AND c.sequence = yr.sequence AND c.y = yr.y
    LEFT JOIN pg_temp.person_month pm
           ON pm.person_id = yr.person_id AND pm.month >= make_date(yr.y, 1, 1) AND pm.month <= make_date(yr.y, 12, 1)
    GROUP BY yr.permit_id, yr.person_id, yr.y, c.cap, c.cap_since
)
INSERT INTO pg_temp.signal_now (permit_id, person_id, signal_type, period_start, period_end, evidence)
SELECT permit_id, person_id, 'student_work_hours_exceeded', make_date(min(y), 1, 1), make_date(max(y), 12, 31),
       jsonb_build_object('years', jsonb_agg(jsonb_build_object('year', y, 'hours', hours, 'cap', cap,
                                                                'cap_in_force_from', cap_since) ORDER BY y),
                          'hours_counted_through', $1::date)
FROM totals
WHERE cap IS NOT NULL AND hours > cap
GROUP BY permit_id, person_id
