-- $1 names, $2..$5 start month/day and end month/day: parallel arrays.
INSERT INTO pg_temp.study_term (name, start_month, start_day, end_month, end_day)
SELECT * FROM unnest($1::text[], $2::integer[], $3::integer[], $4::integer[], $5::integer[])
