-- Every dated parameter value; $1..$5 are parallel arrays built from the configuration.
INSERT INTO pg_temp.parameter (name, basis, sequence, valid_from, value)
SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::numeric[])
