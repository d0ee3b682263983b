-- Companies are no person's: every shard validates the whole trade register (its
-- company_inactive signals need the result), and only the first shard hands the
-- rejections over, so the run records each once.
DELETE FROM pg_temp.rejected_now WHERE source = 'company_status'
