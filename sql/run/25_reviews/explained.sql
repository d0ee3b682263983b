-- rules.md §6, explained signals: of each (permit, type), the latest record (by when it was
-- recorded) holds, also when it is shorter than an earlier one; it is in force while
-- as_of ≤ explained_until. $1 as_of.
INSERT INTO pg_temp.explained (permit_id, signal_type, explained_until, reason, recorded_by, recorded_at)
SELECT permit_id, signal_type, explained_until, reason, recorded_by, recorded_at
FROM (SELECT DISTINCT ON (permit_id, signal_type) *
      FROM supervision.signal_explanation
      ORDER BY permit_id, signal_type, recorded_at DESC, explanation_id DESC) latest
WHERE explained_until >= $1::date
