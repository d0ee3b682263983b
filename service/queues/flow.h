#pragma once
// The supervisors' queues in figures (docs/reports.md, "Queues: SLA and flow"): what is due
// and overdue, how old the open reviews and the backlog are, how long a decision takes,
// and reviews decided ÷ opened per calendar month. The same figures for `report queue` and
// for the nightly run's counts and metrics (queues/metrics.h).
#include "rules/dates.h"

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include <string>
#include <vector>

namespace supervision::queues {

// Reviews due within this many days of the day (that day included) count as due soon.
inline constexpr int kDueSoonDays = 7;

// Per queue on `as_of` (sql/queues/flow.sql), reviews as they stand in `tx`:
//   {"as_of": "YYYY-MM-DD", "due_within_days": 7,
//    "queues": [{"queue", "open", "hearing", "due_within_7_days", "overdue",
//                "open_age_days": {"median", "max"}, "backlog", "backlog_age_days": {"median", "max"},
//                "closed", "decision_days": {"median", "p90"},
//                "month": {"month": "YYYY-MM", "opened", "decided", "decided_per_opened"}}, …],
//    "total": {the same without "queue"}}
// Queues are those of any review or backlog entry, in name order, and those named in
// `queues`. A median, maximum or ratio without rows is null.
nlohmann::json flow(pqxx::transaction_base& tx, rules::Day as_of);
nlohmann::json flow(pqxx::transaction_base& tx, rules::Day as_of, const std::vector<std::string>& queues);

// Decided ÷ opened per queue and calendar month (sql/queues/months.sql):
//   {"by_queue": [{"queue", "month", "opened", "decided", "decided_per_opened"}, …],
//    "total": [{"month", "opened", "decided", "decided_per_opened"}, …]}
nlohmann::json months(pqxx::transaction_base& tx, rules::Day as_of, const std::vector<std::string>& queues);

}  // namespace supervision::queues
