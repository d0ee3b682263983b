-- The planner learns that the suspects are a handful (it estimates the partial index's
-- rows as most of the register): the read hashes them, not the register.
ANALYZE pg_temp.income_suspect;
