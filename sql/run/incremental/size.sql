-- How many persons an incremental run would evaluate, against how many a full run reads:
-- the planner's estimate of the permits (as many as persons, nearly), or the persons the
-- last run evaluated where that is more.
SELECT (SELECT count(*) FROM pg_temp.scope_person) AS persons,
       greatest((SELECT reltuples FROM pg_class WHERE oid = 'registry.permit'::regclass)::bigint,
                (SELECT count(*) FROM supervision.person_recheck)) AS persons_in_registers
