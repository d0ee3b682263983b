-- The days of the configuration on which a result can change for everyone: a dated
-- parameter's start, a coverage line's effective_from, a campaign's first day and the day
-- after its last. Returns how many fall after $1 (the last run's as_of) and on or
-- before $2 (this run's).
SELECT count(*) AS days FROM (
    SELECT valid_from AS day FROM pg_temp.parameter
    UNION ALL SELECT effective_from FROM pg_temp.coverage_line
    UNION ALL SELECT active_from FROM pg_temp.campaign
    UNION ALL SELECT active_until + 1 FROM pg_temp.campaign
) d
WHERE d.day > $1::date AND d.day <= $2::date
