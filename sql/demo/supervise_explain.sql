-- The demo's supervisors (docs/demo-data.md), explained signals: now and then an official
-- records that a signal is explained (rules.md §6), as the case allows: a no_income signal
-- by parental leave, an employment_ended one by a new job starting, for 90 days from the
-- day. One signal in ten raised in the week up to $1, drawn from a hash of ($2, signal_id);
-- one that is explained already on $1 is left alone.
INSERT INTO supervision.signal_explanation (permit_id, signal_type, explained_until, reason, recorded_by)
SELECT s.permit_id, s.signal_type, $1::date + 90,
       CASE s.signal_type WHEN 'no_income' THEN 'parental leave (demo)'
                          ELSE 'a new employment starts this month (demo)' END,
       'demo-official'
FROM supervision.signal s
WHERE s.status = 'open' AND s.signal_type IN ('no_income', 'employment_ended')
  AND s.raised_on BETWEEN $1::date - 6 AND $1::date
  AND (hashtextextended('explain/' || s.signal_id, $2::bigint) & 16777215) / 16777216.0 < 0.1
  AND NOT EXISTS (SELECT 1 FROM supervision.signal_explanation e
                  WHERE e.permit_id = s.permit_id AND e.signal_type = s.signal_type AND e.explained_until >= $1::date)
