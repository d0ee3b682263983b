-- How many persons an incremental run would evaluate, and how many the last run did.
SELECT (SELECT count(*) FROM pg_temp.scope_person) AS persons,
       (SELECT count(*) FROM supervision.person_recheck) AS evaluated_before
