-- Forecast input (docs/reports.md#forecast): per basis, over the 12 months up to $1
-- (add_months($1, -12) < day ≤ $1): the permit-days under supervision (a permit from its
-- enrolled_on up to the day before its ended_on, or to $1), the enrolments that ended early
-- (revoked, withdrawn or deceased; expiry is foreseen from the validity itself), and the
-- reviews opened of the basis's permits. Every basis with something to count gets a row.
WITH window_ AS (
    SELECT supervision.add_months($1::date, -12) + 1 AS first_day, $1::date + 1 AS after_last
), days AS (
    SELECT p.basis,
           sum(greatest(least(coalesce(sp.ended_on, w.after_last), w.after_last)
                        - greatest(sp.enrolled_on, w.first_day), 0)) AS permit_days,
           count(*) FILTER (WHERE sp.end_reason IN ('revoked', 'withdrawn', 'deceased')
                              AND sp.ended_on >= w.first_day AND sp.ended_on < w.after_last) AS early_ends
    FROM supervision.supervised_permit sp
    JOIN registry.permit p ON p.permit_id = sp.permit_id
    CROSS JOIN window_ w
    WHERE sp.enrolled_on < w.after_last
    GROUP BY p.basis
), opened AS (
    SELECT p.basis, count(*) AS reviews
    FROM supervision.revocation_review r
    JOIN registry.permit p ON p.permit_id = r.permit_id
    CROSS JOIN window_ w
    WHERE r.opened_on >= w.first_day AND r.opened_on < w.after_last
    GROUP BY p.basis
)
SELECT coalesce(d.basis, o.basis) AS basis, coalesce(d.permit_days, 0)::bigint AS permit_days,
       coalesce(d.early_ends, 0) AS early_ends, coalesce(o.reviews, 0) AS reviews
FROM days d
FULL JOIN opened o ON o.basis = d.basis
ORDER BY 1
