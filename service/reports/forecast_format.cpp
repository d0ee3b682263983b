#include "reports/forecast_format.h"

#include "reports/csv.h"
#include "reports/suppression.h"

#include <cmath>

namespace supervision::reports {

namespace {

// Reviews per 100 permit-months (a month of 365.25 / 12 days), the observed rate.
double per_100_permit_months(const QueueObservation& o) {
    return o.permit_days > 0
               ? 100.0 * static_cast<double>(o.reviews) * (365.25 / 12.0) / static_cast<double>(o.permit_days)
               : 0.0;
}

nlohmann::json inputs_json(const ForecastInputs& in, bool publish) {
    const auto grants_from = rules::first_day_of_month(rules::month_of(in.as_of) - date::months{12});
    const auto grants_to = rules::first_day_of_month(rules::month_of(in.as_of)) - date::days{1};
    nlohmann::json j;
    j["grants_window"] = {rules::to_iso(grants_from), rules::to_iso(grants_to)};
    j["grants_last_12_months"] = nlohmann::json::object();
    for (const auto& [basis, n] : in.grants) j["grants_last_12_months"][basis] = count_json(n, publish);
    j["review_window"] = {rules::to_iso(rules::add_months(in.as_of, -12) + date::days{1}), rules::to_iso(in.as_of)};
    j["review_window_days_with_runs"] = in.observed_days;
    j["short_history"] = in.observed_days < kShortHistoryDays;
    j["queues"] = nlohmann::json::object();
    for (const auto& [queue, o] : in.observed) {
        j["queues"][queue] = {{"reviews", count_json(o.reviews, publish)},
                              {"permit_days", o.permit_days},
                              {"reviews_per_100_permit_months", std::round(per_100_permit_months(o) * 100.0) / 100.0}};
    }
    return j;
}

}  // namespace

nlohmann::json forecast_json(const Forecast& f, bool publish) {
    nlohmann::json j;
    j["based_on_run_as_of"] = rules::to_iso(f.inputs.as_of);
    j["method"] = "docs/reports.md#forecast";
    j["inputs"] = inputs_json(f.inputs, publish);
    j["months"] = nlohmann::json::array();
    for (const auto& m : f.months) {
        nlohmann::json supervised = nlohmann::json::object(), reviews = nlohmann::json::object();
        for (const auto& [basis, v] : m.supervised) supervised[basis] = estimate_json(v, publish);
        supervised["total"] = estimate_json(m.supervised_total, publish);
        for (const auto& [queue, v] : m.new_reviews) reviews[queue] = estimate_json(v, publish);
        reviews["total"] = estimate_json(m.new_reviews_total, publish);
        j["months"].push_back({{"month", m.month}, {"supervised", supervised}, {"new_reviews", reviews}});
    }
    return j;
}

std::string forecast_csv(const Forecast& f, bool publish) {
    std::string out = csv_record({"month", "measure", "group", "expected"});
    for (const auto& m : f.months) {
        for (const auto& [basis, v] : m.supervised)
            out += csv_record({m.month, "supervised", basis, CsvCell::number(estimate_text(v, publish))});
        out +=
            csv_record({m.month, "supervised", "total", CsvCell::number(estimate_text(m.supervised_total, publish))});
        for (const auto& [queue, v] : m.new_reviews)
            out += csv_record({m.month, "new_reviews", queue, CsvCell::number(estimate_text(v, publish))});
        out +=
            csv_record({m.month, "new_reviews", "total", CsvCell::number(estimate_text(m.new_reviews_total, publish))});
    }
    return out;
}

}  // namespace supervision::reports
