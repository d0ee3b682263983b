#pragma once
// The statistics reports as JSON ({"rows": [...]}; the statistics of every basis or of one
// add "signal_precision", "signal_types" and "forecast", and mark each cohort "mature"),
// as CSV (RFC 4180, a header row with the stats columns in the view's order; one table per
// file) and as one self-contained HTML page. `publish` applies small-cell suppression
// (suppression.h).
#include "reports/statistics.h"

#include <nlohmann/json.hpp>

#include <string>

namespace supervision::reports {

nlohmann::json statistics_json(const Statistics& s, bool publish);
// table: cohort (the stats rows), precision (per signal type), signal-types (per basis and
// type), forecast (per month), forecast-years, alarms or backtest.
std::string statistics_csv(const Statistics& s, bool publish, const std::string& table);
// The cohorts (immature ones marked, not compared), the signal types, the precision and the
// forecast.
std::string statistics_html(const Statistics& s, bool publish);

}  // namespace supervision::reports
