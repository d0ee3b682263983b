-- The latest as_of of a run that succeeded; NULL before the first.
SELECT max(as_of) AS as_of FROM supervision.run WHERE status = 'succeeded'
