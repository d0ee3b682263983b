#pragma once
// The forecast as JSON (the statistics report's "forecast" key) and as CSV
// (`report statistics --format csv --table forecast`: month, measure, group, expected).
#include "reports/forecast.h"

#include <nlohmann/json.hpp>

#include <string>

namespace supervision::reports {

nlohmann::json forecast_json(const Forecast& f, bool publish);
std::string forecast_csv(const Forecast& f, bool publish);

}  // namespace supervision::reports
