-- Every signal's evidence names its type, its rule, the configuration it was decided
-- under and its weight with the day that came into force; added once here so raising
-- and extending agree. $1 as_of, $2 config_version, $3 config_digest.
WITH weights AS MATERIALIZED (
    SELECT t.signal_type,
           pg_temp.param('weight.' || t.signal_type, '*', '*', $1) AS weight,
           pg_temp.param_since('weight.' || t.signal_type, '*', '*', $1) AS since
    FROM (SELECT DISTINCT signal_type FROM pg_temp.signal_now) t
)
UPDATE pg_temp.signal_now n
SET evidence = n.evidence || jsonb_build_object(
        'signal_type', n.signal_type, 'rule', 'rules.md §5 ' || n.signal_type,
        'config_version', $2::text, 'config_digest', $3::text,
        'weight', w.weight, 'weight_in_force_from', w.since)
FROM weights w
WHERE w.signal_type = n.signal_type
