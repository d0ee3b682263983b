-- Every signal's evidence names its type, the configuration it was decided under and the
-- day its weight came into force; added once here so raising and extending agree.
-- $1 as_of, $2 config_version, $3 config_digest.
UPDATE pg_temp.signal_now n
SET evidence = n.evidence || jsonb_build_object(
        'signal_type', n.signal_type, 'rule', 'rules.md §5 ' || n.signal_type, 'config_version', $2::text, 'config_digest', $3::text,
        'weight', pg_temp.param('weight.' || n.signal_type, '*', '*', $1),
        'weight_in_force_from', pg_temp.param_since('weight.' || n.signal_type, '*', '*', $1))
