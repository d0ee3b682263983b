#pragma once
// The forecast the authority plans with (docs/reports.md#forecast): the supervised stock
// per basis and the new reviews per queue, monthly for the rest of the current year and the
// next, yearly for the four years after the current one; the queues' capacity, the
// officials the reviews need, the configured alarms, and a backtest of the forecast made a
// year earlier against what happened. The inputs are read from the database as they were
// known on the forecast's day; the projection is plain arithmetic on them, testable without
// a database.
#include "config/config.h"
#include "rules/dates.h"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace supervision::reports {

class ReportSession;

inline constexpr int kForecastYears = 4;
// Fewer days of runs than this in the 12 months before the forecast's day: the review
// rates still hold the first runs' catch-up of conditions that built up before supervision
// began, and the report warns.
inline constexpr long long kShortHistoryDays = 180;

// Indexed by month i = 0..horizon after the month of as_of (0: that month itself).
using Series = std::vector<long long>;

// The permits whose validity started in the 12 complete months before as_of's month, of
// one basis and sequence.
struct StartedPermits {
    long long starts = 0;      // all of them
    long long new_starts = 0;  // less the extensions of a first permit (foreseen from the first permits)
    Series survivors;  // [k]: matching the basis's line validity and valid at least k months (k = 0..horizon + 1)
    Series offsets;    // [k]: first permits whose day after validity falls k months after their start month
};

// What supervision saw of a basis in the 12 months up to as_of.
struct BasisObservation {
    long long permit_days = 0;  // days under supervision
    long long early_ends = 0;   // enrolments ended revoked, withdrawn or deceased
    long long reviews = 0;      // reviews opened of its permits
};

struct ForecastInputs {
    rules::Day as_of;  // the day the forecast is made from (the last completed run's as_of)
    int horizon = 0;   // months after as_of's month, through December four years on
    std::map<std::string, long long> supervised_now;  // basis → under supervision on as_of
    std::map<std::string, Series> stock;  // basis → [i] supervised on as_of, still valid at the end of month i
    std::map<std::string, Series>
        waiting;  // basis → [i] valid on as_of, not enrolled, under a line in force by the end of month i only
    std::map<std::string, Series>
        first_ending;  // basis → [i] first permits valid on as_of whose extension would start in month i
    std::map<std::string, std::pair<long long, long long>>
        extensions;  // basis → (first permits that ran out, of them extended)
    std::map<std::pair<std::string, std::string>, StartedPermits>
        started;                                       // (basis, sequence) → the last 12 months' starts
    std::map<std::string, BasisObservation> observed;  // basis → the last 12 months of supervision
    long long observed_days = 0;                       // days of the 12 months before as_of covered by completed runs
};

// One month or year of the forecast. Maps by basis (supervised) or by queue (the rest).
struct ForecastPeriod {
    std::string label;     // YYYY-MM, or YYYY for a year
    rules::Day first_day;  // the period's first day (the day its settings are read for)
    int days = 0;
    std::map<std::string, double> supervised;  // basis → expected permits at the period's end
    double supervised_total = 0;
    std::optional<double> growth_pct;             // years: the year-end stock against the previous year-end
    std::map<std::string, double> review_demand;  // queue → reviews the conditions call for
    std::map<std::string, double> new_reviews;    // queue → reviews opened: the demand, at most the capacity
    std::map<std::string, double> capacity;       // queue → daily capacity × days
    std::map<std::string, double> officials;      // queue → person-years to decide the demand
    double review_demand_total = 0, new_reviews_total = 0, officials_total = 0;
    bool has_officials = false;  // false without forecast.decided_reviews_per_person_year
};

struct ForecastAlarm {
    std::string alarm;            // stock_growth | reviews_over_capacity
    std::string queue;            // reviews_over_capacity only
    std::string period;           // YYYY or YYYY-MM
    std::optional<double> value;  // percent; null: demand against a capacity of 0
    double threshold = 0;
};

struct BacktestMonth {
    std::string month;
    double supervised_forecast = 0, reviews_forecast = 0;
    long long supervised_observed = 0, reviews_observed = 0;
};

// The forecast made from the day a year before as_of, against what happened since.
struct Backtest {
    rules::Day made_on;
    std::vector<BacktestMonth> months;
    // Mean absolute percentage error over the months with something observed; nullopt without.
    std::optional<double> supervised_error_pct, reviews_error_pct;
};

struct Forecast {
    ForecastInputs inputs;
    std::optional<std::string> basis;                // a report of one basis: only its stock and its reviews
    std::vector<std::string> bases;                  // the bases a coverage line names (of the report)
    std::vector<std::string> queues;                 // the queues of those bases
    std::map<std::string, std::string> basis_queue;  // basis → its queue
    std::vector<ForecastPeriod> months;              // after as_of's month through December of the next year
    std::vector<ForecastPeriod> years;               // the four years after as_of's year
    std::vector<ForecastAlarm> alarms;
    std::optional<Backtest> backtest;
    // Rates the projection used, per basis: extension share, monthly early-end share, reviews per permit-day.
    std::map<std::string, double> extension_rate, early_end_rate, review_rate;
    // The planning settings in force on as_of (forecast: in the configuration); nullopt without.
    std::optional<double> decided_per_person_year, stock_growth_threshold, over_capacity_threshold;
};

// A basis's queue in the configuration; a basis in no queue goes to "general" (rules.md §6).
std::string queue_of(const config::Config& config, const std::string& basis);
// Months after the month of as_of through December four years on.
int horizon_months(rules::Day as_of);

ForecastInputs read_forecast_inputs(ReportSession& session, rules::Day as_of);
// basis: a report of one basis (its stock, its reviews, against its queue's capacity).
Forecast project(const ForecastInputs& inputs, const config::Config& config,
                 const std::optional<std::string>& basis = std::nullopt);
// The forecast from the last completed run, with its backtest; nullopt before the first run.
std::optional<Forecast> forecast(ReportSession& session, const std::optional<std::string>& basis = std::nullopt);

}  // namespace supervision::reports
