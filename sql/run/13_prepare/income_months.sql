-- rules.md §4: monthly income and hours of the persons evaluated, summed over payers;
-- income is attributed to the month of each record's period_end. Rows dated after as_of
-- and rejected rows are left out (income_read.sql kept only the others in those months).
-- The month is a column of income_now with statistics, not an expression to group by.
INSERT INTO pg_temp.person_month (person_id, month, income, hours)
SELECT person_id, month, sum(gross_amount), coalesce(sum(hours), 0)
FROM pg_temp.income_now
WHERE reasons = '' AND visible_on IS NULL
GROUP BY person_id, month
