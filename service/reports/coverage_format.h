#pragma once
// The coverage report's formats (contract.md): JSON, CSV and a self-contained HTML page.
#include "reports/coverage.h"

#include <nlohmann/json.hpp>

#include <string>

namespace supervision::reports {

// The contract's keys; the stock view adds "view": "stock" and, per line and in the total,
// "enrolment_lag_days": {"median", "max"} (null where nothing is covered).
nlohmann::json coverage_json(const CoverageReport& r);
// One RFC 4180 table: kind (line | total | uncovered), line, eligible, covered, uncovered,
// coverage_pct, permit_id, reason; a line or total record leaves permit_id and reason
// blank, an uncovered record leaves the figures blank. The stock view adds two columns,
// enrolment_lag_median_days and enrolment_lag_max_days.
std::string coverage_csv(const CoverageReport& r);
// One HTML file with inline CSS and an inline SVG chart; no script, nothing fetched. With
// r.stock set, the decisions view and the stock view side by side.
std::string coverage_html(const CoverageReport& r);

}  // namespace supervision::reports
