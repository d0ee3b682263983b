-- $1 signal types, $2 bases, $3 sequences ('*' for all): parallel arrays.
INSERT INTO pg_temp.signal_scope (signal_type, basis, sequence)
SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
