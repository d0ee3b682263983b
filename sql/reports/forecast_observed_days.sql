-- Forecast input (docs/reports.md): how many days of the review window (the 12 months up
-- to $1) completed runs have covered, from the first completed run's as_of to $1; a
-- short history makes the observed review rates unreliable, and the report says so.
SELECT coalesce($1::date - greatest(min(as_of), supervision.add_months($1::date, -12) + 1) + 1, 0) AS days
FROM supervision.run
WHERE status = 'succeeded' AND as_of <= $1::date
