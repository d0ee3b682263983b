#pragma once
// `supervision report queue`: the queues' SLA and flow (queues/flow.h) on the last completed
// run's day, with each queue's capacity and SLA from the configuration, as JSON, CSV or one
// self-contained HTML page (docs/reports.md, "Queues: SLA and flow").
#include "config/config.h"
#include "reports/request.h"

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include <string>

namespace supervision::reports {

// The report as JSON: {"judged_by_run", "as_of", "due_within_days", "queues", "total", "months"}.
nlohmann::json queue_report(pqxx::connection& conn, const config::Config& config);

std::string queue_csv(const nlohmann::json& report);
std::string queue_html(const nlohmann::json& report);

// The report in the requested format; UsageError for a format it does not have.
std::string render_queue_report(pqxx::connection& conn, const config::Config& config, const Request& request);

}  // namespace supervision::reports
