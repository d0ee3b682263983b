#pragma once
// The forecast as JSON (the statistics report's "forecast" key), as CSV tables
// (`report statistics --format csv --table forecast | forecast-years | alarms | backtest`),
// as a section of an HTML page, and as Prometheus metrics (`report statistics
// --metrics-file`). `publish` applies the small-cell suppression of suppression.h.
#include "reports/forecast.h"

#include <nlohmann/json.hpp>

#include <sstream>
#include <string>

namespace supervision::reports {

nlohmann::json forecast_json(const Forecast& f, bool publish);
// month,measure,group,expected: per month, supervised (basis, total), review_demand,
// new_reviews, capacity and officials_needed (queue, total).
std::string forecast_csv(const Forecast& f, bool publish);
// year,measure,group,expected: the same per year, and supervised_growth_pct.
std::string forecast_years_csv(const Forecast& f, bool publish);
// alarm,queue,period,value_pct,threshold_pct.
std::string forecast_alarms_csv(const Forecast& f);
// month,measure,forecast,observed,error_pct.
std::string forecast_backtest_csv(const Forecast& f, bool publish);
// An <h2> section: alarms, the years, the months, the backtest.
void forecast_html(std::ostringstream& o, const Forecast& f, bool publish);
// Prometheus text format (every family a gauge): docs/operations.md lists them. Without a
// forecast (no run has completed), supervision_forecast_available 0 alone.
std::string forecast_metrics_text(const std::optional<Forecast>& f);

}  // namespace supervision::reports
