-- The first day of the months income_read.sql needs (income_persons.sql), bound as a value
-- so that the planner sees how much of the Incomes Register it reads. $1 as_of.
SELECT coalesce(min(first_day), $1::date) AS first_day FROM pg_temp.income_person
