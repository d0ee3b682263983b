-- The ends and enrolments this shard found (find_ends.sql, find_enrolments.sql), analysed
-- before the evaluation reads them: without statistics the planner took the ends for a
-- handful and compared every supervised permit of an incremental night with each of them
-- (0.16 s per worker at 4×S1).
ANALYZE pg_temp.end_now;
ANALYZE pg_temp.enrol_now;
