-- The signal types the service knows (config::known_signal_types()), for the database's
-- own checks (supervision.signal_explanation). A type no longer known stays: explanations
-- of it are kept. $1 text[].
INSERT INTO supervision.signal_type (signal_type)
SELECT unnest($1::text[])
ON CONFLICT DO NOTHING
