#pragma once
// Hand-made queues for the queue report (docs/reports.md, "Queues: SLA and flow"): a
// completed run on 2025-12-01 (a month's first day, so that the month boundary is one day
// back), and reviews and backlog entries on the edges of every figure. The reviews are
// written as the run and the supervisors write them (inserted open, then moved on), so the
// lifecycle trigger accepts them.
#include "support/registry_builder.h"

#include <pqxx/pqxx>

#include <string>

namespace supervision::test {

inline constexpr const char* kQueueAsOf = "2025-12-01";

// One review: opened on `opened` with due date `due`, then moved to `status` (closed with
// `outcome` on `closed`).
inline void add_review(pqxx::connection& c, int id, const std::string& queue, const std::string& opened,
                       const std::string& due, const std::string& status = "open", const std::string& closed = "",
                       const std::string& outcome = "no_action") {
    const std::string rid = std::to_string(id);
    exec(c,
         "INSERT INTO supervision.revocation_review (review_id, permit_id, person_id, queue, priority, status, "
         "opened_on, opened_run, due_on, evidence) VALUES (" +
             rid + ", 'P-q" + rid + "', 'H-q" + rid + "', '" + queue + "', 1, 'open', '" + opened + "', 1, '" + due +
             "', '{}')");
    if (status == "hearing")
        exec(c, "UPDATE supervision.revocation_review SET status = 'hearing' WHERE review_id = " + rid);
    if (status == "closed") {
        exec(c, "UPDATE supervision.revocation_review SET status = 'closed', outcome = '" + outcome +
                    "', closed_on = '" + closed + "' WHERE review_id = " + rid);
    }
}

inline void add_backlog(pqxx::connection& c, const std::string& permit, const std::string& queue,
                        const std::string& since) {
    exec(c,
         "INSERT INTO supervision.review_backlog (permit_id, person_id, queue, score, since, first_raised) VALUES ('" +
             permit + "', 'H-" + permit + "', '" + queue + "', 1, '" + since + "', '" + since + "')");
}

// The queues of the tests, as of 2025-12-01:
//   work   open  R1 opened 11-30 due 12-01 (due that day: due soon, not overdue)
//          open  R2 opened 10-31 due 11-30 (due the day before: overdue)
//          hearing R3 opened 11-01 due 12-08 (as_of + 7: due soon)
//          open  R4 opened 11-10 due 12-09 (as_of + 8: neither)
//          closed R5 opened 10-31, no_action 11-01 (1 day; opened in October, decided in November)
//          closed R6 opened 11-30, revoked 12-01 (1 day; decided in December)
//          closed R7 opened 09-15, no_action 11-30 (76 days)
//          backlog B-1 since 11-20 (11 days), B-2 since 12-01 (0 days)
//   study  open  R8 opened 12-01 due 12-31
//          closed R9 opened 11-30, revoked 11-30 (0 days)
//   enterprise backlog B-3 since 10-01 (61 days); no review
inline void load_queue_fixture(pqxx::connection& c) {
    exec(c,
         "INSERT INTO supervision.run (run_id, as_of, mode, status, config_digest, service_version) "
         "VALUES (1, '2025-12-01', 'manual', 'running', 'fixture', 'test')");
    exec(c, "UPDATE supervision.run SET status = 'succeeded', finished_at = now() WHERE run_id = 1");
    add_review(c, 1, "work", "2025-11-30", "2025-12-01");
    add_review(c, 2, "work", "2025-10-31", "2025-11-30");
    add_review(c, 3, "work", "2025-11-01", "2025-12-08", "hearing");
    add_review(c, 4, "work", "2025-11-10", "2025-12-09");
    add_review(c, 5, "work", "2025-10-31", "2025-11-30", "closed", "2025-11-01", "no_action");
    add_review(c, 6, "work", "2025-11-30", "2025-12-30", "closed", "2025-12-01", "revoked");
    add_review(c, 7, "work", "2025-09-15", "2025-10-15", "closed", "2025-11-30", "no_action");
    add_review(c, 8, "study", "2025-12-01", "2025-12-31");
    add_review(c, 9, "study", "2025-11-30", "2025-12-30", "closed", "2025-11-30", "revoked");
    add_backlog(c, "B-1", "work", "2025-11-20");
    add_backlog(c, "B-2", "work", "2025-12-01");
    add_backlog(c, "B-3", "enterprise", "2025-10-01");
}

}  // namespace supervision::test
