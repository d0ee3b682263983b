-- One campaign: $1 id, $2 active_from, $3 active_until, $4 bases, $5 sequences,
-- $6 decided_from, $7 decided_until, $8 with_open_signal.
INSERT INTO pg_temp.campaign
    (campaign_id, active_from, active_until, bases, sequences, decided_from, decided_until, with_open_signal)
VALUES ($1, $2::date, $3::date, $4::text[], $5::text[], $6::date, $7::date, $8::text[])
