-- $1 bases, $2 queues: parallel arrays.
INSERT INTO pg_temp.queue_basis (basis, queue) SELECT * FROM unnest($1::text[], $2::text[])
