-- The permits evaluated this run, with their evaluation months (rules.md §4).
-- They are the supervised permits that do not end on this run and the ones it enrols
-- (enrolment/find_*.sql), as the run writes both only after the evaluation.
-- $1 as_of, $2 shard count, $3 this shard, $4 the persons of an incremental run or NULL
-- (supervision.in_scope). Grace is the value in force on as_of for the permit's basis and
-- sequence.
-- MATERIALIZED: the parameter is looked up once per key, not once per permit.
WITH grace AS MATERIALIZED (
    SELECT k.basis, k.sequence, coalesce(pg_temp.param('grace_months', k.basis, k.sequence, $1), 0)::integer AS months
    FROM (SELECT DISTINCT basis, sequence FROM pg_temp.coverage_line) k
), completeness AS (
    SELECT max(complete_through) FILTER (WHERE source = 'incomes')  AS incomes,
           max(complete_through) FILTER (WHERE source = 'benefits') AS benefits
    FROM pg_temp.register
)
INSERT INTO pg_temp.active_permit
    (permit_id, person_id, basis, sequence, decision_date, valid_from, valid_until, company_id,
     required_monthly_income, grace_months, eval_from, first_month, incomes_last_month, benefits_last_month)
SELECT p.permit_id, p.person_id, p.basis, p.sequence, p.decision_date, p.valid_from, p.valid_until, p.company_id,
       p.required_monthly_income, g.months,
       supervision.add_months(p.valid_from, g.months),
       supervision.first_month_start_on_or_after(supervision.add_months(p.valid_from, g.months)),
       -- A month is evaluated when it ends on or before valid_until, complete_through and as_of − 1.
       -- least() ignores NULL: a register without complete_through has no complete month.
       CASE WHEN c.incomes IS NOT NULL THEN
           date_trunc('month', supervision.last_month_end_on_or_before(least(p.valid_until, c.incomes, $1::date - 1)))::date
       END,
       CASE WHEN c.benefits IS NOT NULL THEN
           date_trunc('month', supervision.last_month_end_on_or_before(least(p.valid_until, c.benefits, $1::date - 1)))::date
       END
-- Each branch reads the permits itself: an incremental run then starts from its persons'
-- permits (by person_id) and looks each up in supervised_permit, instead of reading the
-- whole supervised stock once per shard to join it to them.
FROM (SELECT p.* FROM supervision.supervised_permit s JOIN registry.permit p ON p.permit_id = s.permit_id
      WHERE s.ended_on IS NULL AND NOT EXISTS (SELECT 1 FROM pg_temp.end_now e WHERE e.permit_id = s.permit_id)
        AND supervision.in_scope(p.person_id, $2, $3, $4)
      UNION ALL
      SELECT p.* FROM pg_temp.enrol_now n JOIN registry.permit p ON p.permit_id = n.permit_id
      WHERE supervision.in_scope(p.person_id, $2, $3, $4)) p
JOIN grace g ON g.basis = p.basis AND g.sequence = p.sequence
CROSS JOIN completeness c
-- NOT IN, not NOT EXISTS: the rejected permits are hashed once and each permit probes the
-- hash, whatever the planner expects of the union (it takes an in_scope filter for 0.5 % of
-- the permits, and then compared every permit with every rejected row: 21 s at S1).
-- source_key is never NULL, so NOT IN means what NOT EXISTS does.
WHERE p.permit_id NOT IN (SELECT r.source_key FROM pg_temp.rejected_now r WHERE r.source = 'permit')
