-- An incremental run validates a person register's rows only for the persons whose rows
-- of it changed (pg_temp.revalidated). Validation reads nothing but the register's own rows
-- of the person, so the other persons' rows ($1: the shard's persons of the run) are
-- rejected for the same reasons as on the last run that validated them: those rejections
-- are taken over, for the evaluation to leave the same rows out and for the list to keep
-- them (20_rejected_rows/merge.sql).
INSERT INTO pg_temp.rejected_now (source, source_key, reason, person_id)
SELECT r.source, r.source_key, r.reason, r.person_id
FROM supervision.rejected_row_current r
WHERE r.person_id = ANY ($1::text[])
  AND r.source IN (SELECT member FROM pg_temp.vocabulary WHERE list = 'person_register')
  AND NOT EXISTS (SELECT 1 FROM pg_temp.revalidated v WHERE v.source = r.source AND v.person_id = r.person_id)
ON CONFLICT DO NOTHING
