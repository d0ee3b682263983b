#pragma once
// Two nights of a hand-made case (docs/reports.md, "The case file"), for the case file
// tests. Registers complete through 2024-06-30, the Incomes Register through 2023 (no
// income signal gets in the way); the default configuration with a thematic campaign for
// specialists from 2024-07-02 and a work queue of 3 reviews a day.
//
//   H-1  P-1  specialist extended, valid 2024-01-01..2026-12-31 (specialist-extended)
//        P-0  specialist first, valid 2023-02-01..2025-01-31 (specialist-first), an
//             earlier permit of the same holder
//   H-2  P-2  specialist extended: another person, also reviewed
//   H-3  P-3  specialist extended, decided 2024-01-15 (after the campaign's decisions): an
//             employment ended, nothing else (score 0.5, below the threshold 1.0)
//   H-4  P-4  specialist extended, decided 2024-01-15: supervised, no signal
//
// 2024-07-01, run 1: H-1 emigrated on 06-20 and E-1 reported the end of H-1's employment on
//   06-25: P-0 and P-1 score 1.5 (emigrated 1.0 + employment_ended 0.5) and get reviews 1
//   and 2; P-2 (emigrated) gets review 3; P-3 scores 0.5.
// Then officials, logged in as members of supervision_supervisor: review 1 (P-0) closed
//   with no action on 07-01; review 2 (P-1) in hearing; employment_ended of P-1 explained
//   until 2024-08-31, then again until 2024-12-31 (the second holds).
// 2024-07-02, run 2: H-1 returned on 07-01 (the emigrated signals resolve); the campaign
//   starts (permits decided in 2023): a thematic signal on P-0, P-1 and P-2. P-1's and P-2's
//   are linked to their open reviews; P-0's waits (cooldown after no action).
#include "support/registry_builder.h"
#include "support/run_helpers.h"

#include <pqxx/pqxx>

#include <string>

namespace supervision::test {

inline config::Config case_config() {
    return config_with_campaign(
        "{id: summer-2024, active_from: 2024-07-02, active_until: 2024-12-31, "
        "bases: [specialist], decided_from: 2023-01-01, decided_until: 2023-12-31}");
}

inline PermitRow case_permit(const std::string& id, const std::string& person) {
    PermitRow p;
    p.permit_id = id;
    p.person_id = person;
    p.basis = "specialist";
    p.sequence = "extended";
    p.decision_date = "2023-12-01";
    p.valid_from = "2024-01-01";
    p.valid_until = "2026-12-31";
    return p;
}

// `official`: a login in the supervisor role, for the officials' changes.
inline void load_case_history(pqxx::connection& owner, pqxx::connection& official) {
    set_all_sources(owner, "2024-06-30");
    set_source(owner, "incomes", "2023-12-31");
    insert(owner, case_permit("P-1", "H-1"));
    PermitRow first = case_permit("P-0", "H-1");
    first.sequence = "first";
    first.decision_date = "2023-01-15";
    first.valid_from = "2023-02-01";
    first.valid_until = "2025-01-31";
    insert(owner, first);
    insert(owner, case_permit("P-2", "H-2"));
    PermitRow later = case_permit("P-3", "H-3");
    later.decision_date = "2024-01-15";
    insert(owner, later);
    PermitRow quiet = later;
    quiet.permit_id = "P-4";
    quiet.person_id = "H-4";
    insert(owner, quiet);
    insert(owner, event("EV-1", "emigrated", "2024-06-20", "H-1"));
    insert(owner, event("EV-2", "emigrated", "2024-06-20", "H-2"));
    insert(owner, NoticeRow{"N-1", "H-1", std::string("E-1"), std::string("2024-06-25")});
    insert(owner, NoticeRow{"N-3", "H-3", std::string("E-3"), std::string("2024-06-25")});
    run_on(owner, case_config(), "2024-07-01");
    exec(official,
         "UPDATE supervision.revocation_review SET status = 'closed', outcome = 'no_action', "
         "closed_on = '2024-07-01' WHERE permit_id = 'P-0'");
    exec(official, "UPDATE supervision.revocation_review SET status = 'hearing' WHERE permit_id = 'P-1'");
    exec(official,
         "INSERT INTO supervision.signal_explanation (permit_id, signal_type, explained_until, reason) "
         "VALUES ('P-1', 'employment_ended', '2024-08-31', 'Parental leave, Kela decision seen')");
    exec(official,
         "INSERT INTO supervision.signal_explanation (permit_id, signal_type, explained_until, reason) "
         "VALUES ('P-1', 'employment_ended', '2024-12-31', 'Parental leave extended <to> the year''s end')");
    insert(owner, event("EV-3", "returned", "2024-07-01", "H-1"));
    run_on(owner, case_config(), "2024-07-02");
}

}  // namespace supervision::test
