#pragma once
// Writes what the runs and the supervisors' system would have written (enrolments,
// signals, reviews, run records) directly, so that the statistics tests state each
// permit's history in one line and the expected counts follow by hand.
#include "support/registry_builder.h"

#include <pqxx/pqxx>

#include <string>

namespace supervision::test {

// A permit of holder PERSON-<id>, with a company and an institution of its own.
inline void permit_of(pqxx::connection& c, const std::string& id, const std::string& basis, const std::string& sequence,
                      const std::string& decided, const std::string& from = "2024-01-01",
                      const std::string& until = "2026-12-31", const std::string& status = "granted",
                      const Text& status_date = std::nullopt) {
    PermitRow p;
    p.permit_id = id;
    p.person_id = "PERSON-" + id;
    p.basis = basis;
    p.sequence = sequence;
    p.decision_date = decided;
    p.valid_from = from;
    p.valid_until = until;
    p.status = status;
    p.status_date = status_date;
    p.company_id = "COMPANY-" + id;
    p.institution_id = "INST-" + id;
    insert(c, p);
}

inline void enrolment(pqxx::connection& c, const std::string& id, const std::string& enrolled_on,
                      const Text& ended_on = std::nullopt, const std::string& line = "some-line") {
    pqxx::work tx(c);
    tx.exec_params0(
        "INSERT INTO supervision.supervised_permit (permit_id, person_id, line_id, enrolled_on, enrolled_run, "
        "ended_on, "
        "end_reason, ended_run) VALUES ($1, 'PERSON-' || $1, $2, $3::date, 1, $4::date, "
        "CASE WHEN $4::date IS NULL THEN NULL ELSE 'expired' END, CASE WHEN $4::date IS NULL THEN NULL ELSE 1 END)",
        id, line, enrolled_on, ended_on);
    tx.commit();
}

// A review; status open, hearing, or closed with outcome revoked / no_action. It moves
// there as the supervisors' system moves it: inserted open, then hearing or closed.
inline void review(pqxx::connection& c, long long review_id, const std::string& id, const std::string& opened_on,
                   const std::string& status, const Text& outcome = std::nullopt,
                   const std::string& queue = "enterprise") {
    pqxx::work tx(c);
    tx.exec_params0(
        "INSERT INTO supervision.revocation_review (review_id, permit_id, person_id, queue, priority, status, "
        "opened_on, opened_run, due_on, evidence) VALUES ($1, $2, 'PERSON-' || $2, $3, 1, 'open', $4::date, "
        "1, $4::date + 30, '{}'::jsonb)",
        review_id, id, queue, opened_on);
    tx.exec_params0(
        "UPDATE supervision.revocation_review SET status = $2, outcome = $3, "
        "closed_on = CASE WHEN $2 = 'closed' THEN opened_on + 20 END WHERE review_id = $1 AND $2 <> 'open'",
        review_id, status, outcome);
    tx.commit();
}

// A signal, linked to a review when review_id > 0.
inline void signal(pqxx::connection& c, long long signal_id, const std::string& id, const std::string& type,
                   long long review_id = 0, bool resolved = false) {
    pqxx::work tx(c);
    tx.exec_params0(
        "INSERT INTO supervision.signal (signal_id, permit_id, person_id, signal_type, status, period_start, "
        "period_end, "
        "raised_on, raised_run, resolved_on, weight, evidence, review_id) VALUES ($1, $2, 'PERSON-' || $2, $3, "
        "CASE WHEN $5 THEN 'resolved' ELSE 'open' END, '2024-05-01', '2024-05-01', '2024-05-01', 1, "
        "CASE WHEN $5 THEN date '2024-06-01' END, 1, '{}'::jsonb, nullif($4, 0))",
        signal_id, id, type, review_id, resolved);
    tx.commit();
}

inline void completed_run(pqxx::connection& c, long long run_id, const std::string& as_of) {
    pqxx::work tx(c);
    tx.exec_params0(
        "INSERT INTO supervision.run (run_id, as_of, mode, status, config_digest, service_version) "
        "VALUES ($1, $2::date, 'manual', 'succeeded', 'test', 'test')",
        run_id, as_of);
    tx.commit();
}

}  // namespace supervision::test
