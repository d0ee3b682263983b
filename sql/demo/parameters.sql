-- The generator's parameters, visible to sql/demo/generate.sql for this transaction.
SELECT set_config('demo.seed', $1::text, true), set_config('demo.permits', $2::text, true),
       set_config('demo.as_of', $3::text, true)
