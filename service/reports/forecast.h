#pragma once
// The 12-month forecast of the supervised stock per basis and of new reviews per queue
// (issue 4; the method is explained in docs/reports.md). The inputs are read from the
// database; the projection is plain arithmetic on them, testable without a database.
#include "config/config.h"
#include "rules/dates.h"

#include <array>
#include <map>
#include <string>
#include <vector>

namespace supervision::reports {

class ReportSession;

inline constexpr int kForecastMonths = 12;
using Monthly = std::array<long long, kForecastMonths>;  // [i - 1] for month i = 1..12

struct QueueObservation {
    long long reviews = 0;      // reviews opened in the 12 months up to as_of
    long long permit_days = 0;  // days under supervision of the queue's permits, same window
};

struct ForecastInputs {
    rules::Day as_of;                              // the last completed run's as_of
    std::map<std::string, Monthly> stock;          // basis → supervised on as_of, still valid at the end of month i
    std::map<std::string, long long> grants;       // basis → eligible grants, 12 complete months before as_of's month
    std::map<std::string, Monthly> survivors;      // basis → of those, valid for at least k months
    std::map<std::string, QueueObservation> observed;  // queue → reviews and permit-days
    long long observed_days = 0;  // days of the review window covered by completed runs
};

// Fewer days of runs than this: the review rates still hold the first runs' catch-up of
// conditions that built up before supervision began, and the report warns.
inline constexpr long long kShortHistoryDays = 180;

struct ForecastMonth {
    std::string month;  // YYYY-MM
    int days = 0;
    std::map<std::string, double> supervised;   // basis → expected permits at the month's end
    double supervised_total = 0;
    std::map<std::string, double> new_reviews;  // queue → expected reviews opened in the month
    double new_reviews_total = 0;
};

struct Forecast {
    ForecastInputs inputs;
    std::vector<ForecastMonth> months;
};

// A basis's queue in the configuration; a basis in no queue goes to "general" (rules.md §6).
std::string queue_of(const config::Config& config, const std::string& basis);

ForecastInputs read_forecast_inputs(ReportSession& session);
Forecast project(const ForecastInputs& inputs, const config::Config& config);
// The forecast from the last completed run; nullopt before the first.
std::optional<Forecast> forecast(ReportSession& session);

}  // namespace supervision::reports
