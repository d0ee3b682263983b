-- The first day of the months income_read.sql needs: January of the year before as_of
-- (student hours) or a year before the oldest evaluated income month, whichever is earlier.
-- $1 as_of.
SELECT least(make_date(extract(year FROM $1::date)::integer - 1, 1, 1),
             coalesce((SELECT min(incomes_last_month) FROM pg_temp.active_permit) - interval '12 months',
                      $1::date))::date AS first_day
