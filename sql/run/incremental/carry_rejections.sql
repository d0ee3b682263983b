-- An incremental run validates a person register's rows only for the persons whose rows
-- of it changed ($2..$6, by register). Validation reads nothing but the register's own rows
-- of the person, so the other persons' rows ($1: the shard's persons of the run) are
-- rejected for the same reasons as on the last run that validated them: those rejections
-- are taken over, for the evaluation to leave the same rows out and for the list to keep
-- them (merge.sql).
INSERT INTO pg_temp.rejected_now (source, source_key, reason, person_id)
SELECT r.source, r.source_key, r.reason, r.person_id
FROM supervision.rejected_row_current r
WHERE r.person_id = ANY ($1::text[])
  AND r.source IN ('permit', 'population_event', 'study_record', 'benefit_payment', 'employment_notice')
  AND NOT r.person_id = ANY (CASE r.source WHEN 'permit' THEN $2::text[]
                                           WHEN 'population_event' THEN $3::text[]
                                           WHEN 'study_record' THEN $4::text[]
                                           WHEN 'benefit_payment' THEN $5::text[]
                                           ELSE $6::text[] END)
ON CONFLICT DO NOTHING
