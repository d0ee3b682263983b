-- The anti-joins of the writing stages must know how few persons the run evaluated.
ANALYZE pg_temp.scope_person;
