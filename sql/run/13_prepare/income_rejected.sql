-- rules.md §8: the Incomes Register rows that cannot be used (income_read.sql).
INSERT INTO pg_temp.rejected_now (source, source_key, reason, person_id)
SELECT 'income_record', record_id, string_to_table(reasons, E'\n'), coalesce(person_id, '')
FROM pg_temp.income_now
WHERE reasons <> ''
ON CONFLICT DO NOTHING
