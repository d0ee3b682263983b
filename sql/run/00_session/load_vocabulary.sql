-- The service's lists (pg_temp.vocabulary). $1 the lists' names, $2 their members: parallel
-- arrays, a row each.
INSERT INTO pg_temp.vocabulary (list, member)
SELECT * FROM unnest($1::text[], $2::text[])
