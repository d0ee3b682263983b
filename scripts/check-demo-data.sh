#!/usr/bin/env bash
# Prints distribution figures of the demo registers made by sql/demo/generate.sql
# (docs/demo-data.md says what to expect). For developers; it only reads.
# The database comes from the standard libpq environment (PGHOST, PGPORT, PGDATABASE,
# PGUSER, ...) or from a connection string given as the only argument.
set -euo pipefail

if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
    sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
fi

psql_args=(-X -q -v ON_ERROR_STOP=1 -P pager=off -P footer=off)
if [[ $# -gt 0 ]]; then psql_args+=(-d "$1"); fi

section() { printf '\n== %s\n' "$1"; }
q() { psql "${psql_args[@]}" -c "$1"; }

section "rows per table"
q "SELECT 'permit' AS table_name, count(*) AS rows FROM registry.permit
   UNION ALL SELECT 'income_record', count(*) FROM registry.income_record
   UNION ALL SELECT 'population_event', count(*) FROM registry.population_event
   UNION ALL SELECT 'company_status', count(*) FROM registry.company_status
   UNION ALL SELECT 'study_record', count(*) FROM registry.study_record
   UNION ALL SELECT 'benefit_payment', count(*) FROM registry.benefit_payment
   UNION ALL SELECT 'employment_notice', count(*) FROM registry.employment_notice
   UNION ALL SELECT 'source_status', count(*) FROM registry.source_status"

section "permits per basis / sequence / status (%)"
q "SELECT basis, count(*) AS permits, round(100.0 * count(*) / sum(count(*)) OVER (), 1) AS pct,
          count(*) FILTER (WHERE sequence = 'first') AS first,
          count(*) FILTER (WHERE sequence = 'extended') AS extended,
          count(*) FILTER (WHERE required_monthly_income IS NOT NULL) AS own_requirement
   FROM registry.permit GROUP BY basis ORDER BY permits DESC"
q "SELECT sequence, count(*) AS permits, round(100.0 * count(*) / sum(count(*)) OVER (), 1) AS pct
   FROM registry.permit GROUP BY sequence ORDER BY permits DESC"
q "SELECT status, count(*) AS permits, round(100.0 * count(*) / sum(count(*)) OVER (), 1) AS pct,
          count(*) FILTER (WHERE status_date NOT BETWEEN least(valid_from, decision_date) AND valid_until)
              AS status_date_outside
   FROM registry.permit GROUP BY status ORDER BY permits DESC"
q "SELECT extract(year FROM decision_date)::int AS decision_year, count(*) AS permits,
          count(*) FILTER (WHERE valid_from > (SELECT max(complete_through) FROM registry.source_status))
              AS not_started
   FROM registry.permit GROUP BY 1 ORDER BY 1"

section "validity length against the coverage boundaries (rules.md §1)"
q "SELECT basis, sequence,
          count(*) FILTER (WHERE valid_until + 1 < (valid_from + interval '6 months')::date) AS lt_6m,
          count(*) FILTER (WHERE valid_until + 1 = (valid_from + interval '6 months')::date) AS exactly_6m,
          count(*) FILTER (WHERE valid_until + 1 > (valid_from + interval '6 months')::date
                             AND valid_until + 1 < (valid_from + interval '12 months')::date) AS m6_to_12,
          count(*) FILTER (WHERE valid_until + 1 = (valid_from + interval '12 months')::date) AS exactly_12m,
          count(*) FILTER (WHERE valid_until + 1 > (valid_from + interval '12 months')::date) AS gt_12m
   FROM registry.permit WHERE valid_until >= valid_from GROUP BY 1, 2 ORDER BY 1, 2"

section "persons and permit chains"
q "WITH pp AS (SELECT person_id, count(*) AS n,
                      bool_or(sequence = 'extended') AS has_ext, bool_or(sequence = 'first') AS has_first
               FROM registry.permit GROUP BY person_id)
   SELECT count(*) AS persons, count(*) FILTER (WHERE n = 2) AS with_two_permits,
          round(100.0 * count(*) FILTER (WHERE n = 2 AND has_ext AND has_first)
                / nullif(count(*) FILTER (WHERE has_ext), 0), 1) AS pct_extended_with_first_in_data
   FROM pp"
q "SELECT count(*) AS chains, count(*) FILTER (WHERE e.valid_from = f.valid_until + 1) AS contiguous
   FROM registry.permit f JOIN registry.permit e ON e.person_id = f.person_id
   WHERE f.sequence = 'first' AND e.sequence = 'extended'"
q "SELECT basis, count(DISTINCT company_id) AS companies, count(*) AS permits,
          count(*) FILTER (WHERE company_id LIKE 'C-S%') AS on_shared_company
   FROM registry.permit WHERE basis IN ('growth_entrepreneur', 'self_employed') GROUP BY basis"

section "incomes per holder basis"
q "SELECT p.basis, count(DISTINCT r.person_id) AS persons, count(*) AS records,
          round(avg(r.gross_amount) FILTER (WHERE r.gross_amount > 0), 2) AS avg_paid,
          count(*) FILTER (WHERE r.gross_amount = 0) AS zero_amount, round(avg(r.hours), 1) AS avg_hours,
          min(r.period_start) AS first_month, max(r.period_end) AS last_month
   FROM registry.income_record r
   JOIN (SELECT DISTINCT ON (person_id) person_id, basis FROM registry.permit ORDER BY person_id, valid_from DESC) p
     USING (person_id)
   GROUP BY p.basis ORDER BY records DESC"
q "SELECT count(*) AS person_months, count(*) FILTER (WHERE payers = 2) AS two_payers
   FROM (SELECT person_id, period_end, count(DISTINCT payer_id) AS payers FROM registry.income_record
         WHERE period_end >= period_start GROUP BY 1, 2) m"
q "WITH y AS (SELECT r.person_id, extract(year FROM r.period_end)::int AS year, sum(r.hours) AS hours
             FROM registry.income_record r
             WHERE r.person_id IN (SELECT person_id FROM registry.permit WHERE basis = 'student')
             GROUP BY 1, 2)
   SELECT year, count(*) AS working_students, count(*) FILTER (WHERE hours > 1560) AS over_1560_h,
          round(avg(hours)) AS avg_hours
   FROM y GROUP BY year ORDER BY year"
q "SELECT round(100.0 * count(DISTINCT r.person_id) / nullif(count(DISTINCT p.person_id), 0), 1)
              AS pct_students_working
   FROM registry.permit p LEFT JOIN registry.income_record r USING (person_id) WHERE p.basis = 'student'"

section "population events per type"
q "SELECT event_type, count(*) AS events, count(DISTINCT person_id) AS persons FROM registry.population_event
   GROUP BY 1 ORDER BY 2 DESC"
q "SELECT (SELECT count(DISTINCT person_id) FROM registry.permit) AS persons,
          count(DISTINCT e.person_id) AS same_day_emigrated_returned
   FROM registry.population_event e JOIN registry.population_event r
     ON r.person_id = e.person_id AND r.event_type = 'returned' AND r.event_date = e.event_date
   WHERE e.event_type = 'emigrated'"
q "SELECT p.basis, p.sequence, count(*) AS permits,
          round(100.0 * count(*) FILTER (WHERE NOT EXISTS (
              SELECT 1 FROM registry.population_event e
              WHERE e.person_id = p.person_id AND e.event_type = 'registered')) / count(*), 1) AS pct_never_registered
   FROM registry.permit p WHERE p.basis IN ('growth_entrepreneur', 'student', 'employed')
   GROUP BY 1, 2 ORDER BY 1, 2"

section "company statuses"
q "SELECT status, count(*) AS rows FROM registry.company_status GROUP BY 1 ORDER BY 2 DESC"

section "study records"
q "SELECT enrolment, count(*) AS records, count(DISTINCT person_id) AS students,
          round(avg(credits), 1) AS avg_credits, count(*) FILTER (WHERE credits = 0) AS zero_credits
   FROM registry.study_record GROUP BY 1 ORDER BY 2 DESC"
q "SELECT term_start, count(*) AS records FROM registry.study_record
   WHERE term_end >= term_start GROUP BY 1 ORDER BY 1"

section "benefit payments and employment notices"
q "SELECT benefit, count(*) AS payments, count(DISTINCT person_id) AS persons
   FROM registry.benefit_payment GROUP BY 1 ORDER BY 2 DESC"
q "SELECT count(*) AS notices,
          count(*) FILTER (WHERE NOT EXISTS (
              SELECT 1 FROM registry.income_record r
              WHERE r.person_id = n.person_id AND r.period_start > n.employment_ended_on
                AND r.gross_amount > 0)) AS no_pay_after_end,
          count(*) FILTER (WHERE EXISTS (
              SELECT 1 FROM registry.income_record r
              WHERE r.person_id = n.person_id AND r.period_start > n.employment_ended_on
                AND r.payer_id <> n.employer_id)) AS new_employer_after
   FROM registry.employment_notice n WHERE employment_ended_on IS NOT NULL"

section "source_status"
q "SELECT source, complete_through, refreshed_at FROM registry.source_status ORDER BY source"

section "deliberate bad rows per kind (rules.md §8)"
q "SELECT 'permit' AS source, k.kind, count(*) AS rows FROM registry.permit p
   CROSS JOIN LATERAL (VALUES
       (p.valid_until < p.valid_from, 'valid_until before valid_from'),
       (p.basis NOT IN ('student', 'specialist', 'eu_blue_card', 'growth_entrepreneur', 'employed',
                        'self_employed', 'other_work', 'researcher', 'family', 'other'), 'unknown basis'),
       (p.sequence NOT IN ('first', 'extended'), 'unknown sequence'),
       (p.status NOT IN ('granted', 'revoked', 'withdrawn'), 'unknown status'),
       (p.status IN ('revoked', 'withdrawn') AND p.status_date IS NULL, 'revoked/withdrawn without status_date'),
       (p.basis IN ('growth_entrepreneur', 'self_employed') AND p.company_id IS NULL, 'entrepreneur without company_id'),
       (p.basis = 'student' AND p.institution_id IS NULL, 'student without institution_id')) k(bad, kind)
   WHERE k.bad GROUP BY 1, 2
   UNION ALL
   SELECT 'income_record', k.kind, count(*) FROM registry.income_record r
   CROSS JOIN LATERAL (VALUES (r.gross_amount < 0, 'negative gross_amount'),
                              (r.period_end < r.period_start, 'period_end before period_start')) k(bad, kind)
   WHERE k.bad GROUP BY 1, 2
   UNION ALL
   SELECT 'population_event', 'unknown event_type', count(*) FROM registry.population_event
   WHERE event_type NOT IN ('registered', 'emigrated', 'returned', 'deceased')
   UNION ALL
   SELECT 'company_status', 'unknown status', count(*) FROM registry.company_status
   WHERE status NOT IN ('active', 'liquidation', 'bankrupt', 'deregistered')
   UNION ALL
   SELECT 'study_record', k.kind, count(*) FROM registry.study_record s
   CROSS JOIN LATERAL (VALUES (s.term_end < s.term_start, 'term_end before term_start'),
                              (s.enrolment NOT IN ('present', 'absent', 'withdrawn', 'graduated'), 'unknown enrolment')) k(bad, kind)
   WHERE k.bad GROUP BY 1, 2
   UNION ALL
   SELECT 'benefit_payment', k.kind, count(*) FROM registry.benefit_payment b
   CROSS JOIN LATERAL (VALUES (b.period_end < b.period_start, 'period_end before period_start'),
                              (b.benefit NOT IN ('basic_social_assistance', 'other'), 'unknown benefit')) k(bad, kind)
   WHERE k.bad GROUP BY 1, 2
   UNION ALL
   SELECT 'employment_notice', 'employment_ended_on missing', count(*) FROM registry.employment_notice
   WHERE employment_ended_on IS NULL
   ORDER BY 1, 2"
