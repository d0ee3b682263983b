-- The Incomes Register rows whose keys may be wrong (an id empty or padded, a period date
-- that is no calendar day in range), as the partial index of migration 0011 holds them:
-- read through that index, not by a scan. income_read.sql checks them whole. $1 shard
-- count, $2 this shard, $3 the persons of an incremental run or NULL.
INSERT INTO pg_temp.income_suspect (record_id)
SELECT record_id FROM registry.income_record
WHERE supervision.income_record_keying_suspect(record_id, person_id, payer_id, period_start, period_end)
  AND supervision.in_scope(person_id, $1, $2, $3)
