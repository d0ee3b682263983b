#pragma once
// The statistics reports as JSON ({"rows": [...]}; the general statistics add
// "signal_precision" and "forecast") and as CSV (RFC 4180, a header row with the stats
// columns in the view's order). `publish` applies small-cell suppression (suppression.h).
#include "reports/statistics.h"

#include <nlohmann/json.hpp>

#include <string>

namespace supervision::reports {

nlohmann::json statistics_json(const Statistics& s, bool publish);
// table: cohort (the stats rows), precision (per signal type) or forecast.
std::string statistics_csv(const Statistics& s, bool publish, const std::string& table);

}  // namespace supervision::reports
