#pragma once
// The hand-made history of the statistics tests (rules.md §9), shared by the in-process
// tests and the command-line tests of the published exports.
#include "db/reports/outcome_rows.h"

namespace supervision::test {

// The history (reviews: id, opened_on, status/outcome; signals: id, type → review):
//   growth_entrepreneur, decided 2024, first:
//     G1 enrolled; signal 1 company_inactive → review 1 (2024-05-10, closed revoked)
//     G2 enrolled; signal 2 company_inactive → review 2 (2024-05-10, closed no_action);
//                  signal 3 not_moved_to_finland → review 3 (2024-09-01, open)   latest: open
//     G3 enrolled; signal 4 emigrated → review 4 (2024-06-01, hearing)
//     G4 enrolled; signal 5 company_inactive, no review
//     G5 enrolled; nothing           G6 never enrolled
//   growth_entrepreneur, decided 2024, extended:
//     X1 enrolled; signals 6 emigrated and 7 company_inactive → review 5 (closed no_action)
//   growth_entrepreneur, decided 2025, first: Y1…Y5 enrolled, latest review closed revoked:
//     Y1 review 11 (2025-03-05, no_action, no signal), then review 6 (2025-04-01, revoked)
//        with signals 8 and 13 (resolved), both company_inactive
//     Y2 review 7 (2025-04-01, no_action, no signal) and review 12 (2025-04-01, revoked,
//        signal 9 company_inactive): same day, the higher review_id is the latest
//     Y3, Y4, Y5 reviews 8, 9, 10 (revoked) with signals 10, 11, 12 company_inactive
//   specialist, decided 2025, extended: S1…S4, never enrolled
//   NODATE: no decision_date, in no cohort
inline void load_statistics_history(pqxx::connection& c) {
    for (const char* id : {"G1", "G2", "G3", "G4", "G5", "G6"})
        permit_of(c, id, "growth_entrepreneur", "first", "2024-03-01");
    permit_of(c, "X1", "growth_entrepreneur", "extended", "2024-12-31");
    for (const char* id : {"Y1", "Y2", "Y3", "Y4", "Y5"})
        permit_of(c, id, "growth_entrepreneur", "first", "2025-01-01");
    for (const char* id : {"S1", "S2", "S3", "S4"}) permit_of(c, id, "specialist", "extended", "2025-06-30");
    permit_of(c, "NODATE", "specialist", "extended", "2025-06-30");
    exec(c, "UPDATE registry.permit SET decision_date = NULL WHERE permit_id = 'NODATE'");
    for (const char* id : {"G1", "G2", "G3", "G4", "G5", "X1", "Y1", "Y2", "Y3", "Y4", "Y5"})
        enrolment(c, id, "2024-04-30");
    review(c, 1, "G1", "2024-05-10", "closed", std::string("revoked"));
    signal(c, 1, "G1", "company_inactive", 1);
    review(c, 2, "G2", "2024-05-10", "closed", std::string("no_action"));
    signal(c, 2, "G2", "company_inactive", 2);
    review(c, 3, "G2", "2024-09-01", "open");
    signal(c, 3, "G2", "not_moved_to_finland", 3);
    review(c, 4, "G3", "2024-06-01", "hearing");
    signal(c, 4, "G3", "emigrated", 4);
    signal(c, 5, "G4", "company_inactive");
    review(c, 5, "X1", "2025-01-15", "closed", std::string("no_action"));
    signal(c, 6, "X1", "emigrated", 5);
    signal(c, 7, "X1", "company_inactive", 5);
    review(c, 11, "Y1", "2025-03-05", "closed", std::string("no_action"));
    review(c, 6, "Y1", "2025-04-01", "closed", std::string("revoked"));
    signal(c, 8, "Y1", "company_inactive", 6);
    signal(c, 13, "Y1", "company_inactive", 6, true);
    review(c, 7, "Y2", "2025-04-01", "closed", std::string("no_action"));
    review(c, 12, "Y2", "2025-04-01", "closed", std::string("revoked"));
    signal(c, 9, "Y2", "company_inactive", 12);
    for (int i = 3; i <= 5; ++i) {
        review(c, 5 + i, "Y" + std::to_string(i), "2025-04-01", "closed", std::string("revoked"));
        signal(c, 7 + i, "Y" + std::to_string(i), "company_inactive", 5 + i);
    }
}

}  // namespace supervision::test
