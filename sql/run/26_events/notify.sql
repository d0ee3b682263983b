-- The case system hears of the run's events when they are committed: PostgreSQL delivers a
-- notification of a transaction at its commit and never for one that rolls back. $1 the
-- last event_id written, as text.
SELECT pg_notify('supervision_event', $1)
