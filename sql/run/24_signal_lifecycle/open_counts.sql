-- Open signals per type after this run.
SELECT signal_type, count(*) AS signals FROM supervision.signal WHERE status = 'open'
GROUP BY signal_type ORDER BY signal_type
