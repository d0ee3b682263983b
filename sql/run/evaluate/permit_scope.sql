-- Which signal types apply to which evaluated permit, from the configuration.
INSERT INTO pg_temp.permit_scope (permit_id, signal_type)
SELECT DISTINCT a.permit_id, s.signal_type
FROM pg_temp.active_permit a
JOIN pg_temp.signal_scope s ON s.basis = a.basis AND s.sequence IN (a.sequence, '*')
