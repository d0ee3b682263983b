-- The first completed run's as_of (NULL before any): the forecast is backtested only from a
-- day that runs had reached.
SELECT min(as_of)::text AS as_of FROM stats.completed_run
