-- One row per (line, basis); $1..$9 are parallel arrays built from the configuration.
INSERT INTO pg_temp.coverage_line
    (ord, line_id, effective_from, basis, sequence, validity, validity_months, scope_field, scope_from)
SELECT *
FROM unnest($1::integer[], $2::text[], $3::date[], $4::text[], $5::text[], $6::text[], $7::integer[],
            $8::text[], $9::date[])
