-- A full run: every evaluated person's recheck day is this run's (14_recheck/recheck.sql,
-- carried by evaluated_now). TRUNCATE: only runs, one at a time under the run lock, read
-- this table.
TRUNCATE supervision.person_recheck;
INSERT INTO supervision.person_recheck (person_id, recheck_on)
SELECT person_id, min(recheck_on) FROM pg_temp.evaluated_now GROUP BY person_id;
