-- What every person's evaluation depends on at once (docs/incremental.md): when one of
-- these differs from the last run's, every person is evaluated again. $1 as_of.
-- - incomes_month_end, benefits_month_end: the last complete month of the register
--   (rules.md §1): every evaluation month ends on or before it;
-- - studies_term_end: the end of the last complete study term (the terms of the
--   configuration that end before as_of and on or before complete_through);
-- - year: student hours count the year of as_of.
-- population_complete_through is compared apart: only not_moved_to_finland's condition
-- reads it (incremental/persons.sql).
WITH r AS (
    SELECT max(complete_through) FILTER (WHERE source = 'incomes')    AS incomes,
           max(complete_through) FILTER (WHERE source = 'benefits')   AS benefits,
           max(complete_through) FILTER (WHERE source = 'studies')    AS studies,
           max(complete_through) FILTER (WHERE source = 'population') AS population
    FROM pg_temp.register
)
SELECT CASE WHEN r.incomes IS NOT NULL
            THEN supervision.last_month_end_on_or_before(least(r.incomes, $1::date - 1)) END AS incomes_month_end,
       CASE WHEN r.benefits IS NOT NULL
            THEN supervision.last_month_end_on_or_before(least(r.benefits, $1::date - 1)) END AS benefits_month_end,
       (SELECT max(make_date(y, t.end_month, t.end_day))
        FROM pg_temp.study_term t
        CROSS JOIN generate_series(extract(year FROM least(r.studies, $1::date - 1))::integer - 1,
                                   extract(year FROM least(r.studies, $1::date - 1))::integer) y
        WHERE make_date(y, t.end_month, t.end_day) <= least(r.studies, $1::date - 1)) AS studies_term_end,
       extract(year FROM $1::date)::integer AS year,
       r.population AS population_complete_through
FROM r
