-- The size of the quality-control sample already drawn for as_of: one sample per day, a
-- rerun of the day keeps it. $1 as_of.
SELECT count(*) AS permits FROM supervision.qc_sample WHERE as_of = $1::date
