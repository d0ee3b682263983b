#include "reports/forecast_format.h"

#include "reports/csv.h"
#include "reports/suppression.h"

#include <cmath>
#include <cstdio>

namespace supervision::reports {

namespace {

constexpr double kDaysPerMonth = 365.25 / 12.0;

// Rounded to `unit` (0.1, 0.01 or 1), so that JSON shows 3.8, not 3.8000000000000003.
double round_to(double v, double unit) {
    const double per_unit = std::round(1.0 / unit);
    return std::round(v * per_unit) / per_unit;
}

nlohmann::json optional_number(const std::optional<double>& v, double unit = 0.1) {
    return v ? nlohmann::json(round_to(*v, unit)) : nlohmann::json();
}

std::string decimal_text(double v, int decimals = 1) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

// Per 100 permit-months (a month of 365.25 / 12 days).
double per_100_permit_months(long long events, long long permit_days) {
    return permit_days > 0 ? 100.0 * static_cast<double>(events) * kDaysPerMonth / static_cast<double>(permit_days)
                           : 0.0;
}

nlohmann::json estimates(const std::map<std::string, double>& by, double total, bool publish, bool with_total = true) {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [k, v] : by) j[k] = estimate_json(v, publish);
    if (with_total) j["total"] = estimate_json(total, publish);
    return j;
}

// Officials are staff the authority plans for, not persons of the registers: one decimal,
// never suppressed.
nlohmann::json officials_json(const ForecastPeriod& p) {
    if (!p.has_officials) return nlohmann::json();
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [q, v] : p.officials) j[q] = round_to(v, 0.1);
    j["total"] = round_to(p.officials_total, 0.1);
    return j;
}

nlohmann::json period_json(const ForecastPeriod& p, bool publish, const char* key) {
    nlohmann::json j;
    if (std::string(key) == "year") {
        j[key] = std::stoi(p.label);
    } else {
        j[key] = p.label;
    }
    j["supervised"] = estimates(p.supervised, p.supervised_total, publish);
    if (std::string(key) == "year") j["supervised_growth_pct"] = optional_number(p.growth_pct);
    j["review_demand"] = estimates(p.review_demand, p.review_demand_total, publish);
    j["new_reviews"] = estimates(p.new_reviews, p.new_reviews_total, publish);
    j["capacity"] = nlohmann::json::object();
    for (const auto& [q, v] : p.capacity) j["capacity"][q] = round_to(v, 1.0);
    j["officials_needed"] = officials_json(p);
    return j;
}

nlohmann::json inputs_json(const Forecast& f, bool publish) {
    const auto& in = f.inputs;
    const auto grants_from = rules::first_day_of_month(rules::month_of(in.as_of) - date::months{12});
    const auto grants_to = rules::first_day_of_month(rules::month_of(in.as_of)) - date::days{1};
    nlohmann::json j;
    j["starts_window"] = {rules::to_iso(grants_from), rules::to_iso(grants_to)};
    j["grants_last_12_months"] = nlohmann::json::object();
    j["starts_last_12_months"] = nlohmann::json::object();
    for (const auto& b : f.bases) {
        long long total = 0;
        nlohmann::json by_sequence = nlohmann::json::object();
        for (const char* seq : {"first", "extended"}) {
            const auto it = in.started.find({b, seq});
            const long long n = it == in.started.end() ? 0 : it->second.starts;
            const long long fresh = it == in.started.end() ? 0 : it->second.new_starts;
            total += n;
            by_sequence[seq] = {{"starts", count_json(n, publish)}, {"not_extensions", count_json(fresh, publish)}};
        }
        j["grants_last_12_months"][b] = count_json(total, publish);
        j["starts_last_12_months"][b] = by_sequence;
    }
    j["review_window"] = {rules::to_iso(rules::add_months(in.as_of, -12) + date::days{1}), rules::to_iso(in.as_of)};
    j["review_window_days_with_runs"] = in.observed_days;
    j["short_history"] = in.observed_days < kShortHistoryDays;
    j["bases"] = nlohmann::json::object();
    std::map<std::string, std::pair<long long, long long>> queues;  // queue → reviews, permit-days
    for (const auto& q : f.queues) queues[q] = {0, 0};
    for (const auto& b : f.bases) {
        const auto it = in.observed.find(b);
        const BasisObservation o = it == in.observed.end() ? BasisObservation{} : it->second;
        const auto ext = in.extensions.find(b);
        j["bases"][b] = {
            {"permit_days", o.permit_days},
            {"reviews", count_json(o.reviews, publish)},
            {"early_ends", count_json(o.early_ends, publish)},
            {"reviews_per_100_permit_months", round_to(per_100_permit_months(o.reviews, o.permit_days), 0.01)},
            {"review_rate_used_per_100_permit_months", round_to(f.review_rate.at(b) * 100 * kDaysPerMonth, 0.01)},
            {"early_ends_per_100_permit_months", round_to(100 * f.early_end_rate.at(b), 0.01)},
            {"first_permits_ran_out", count_json(ext == in.extensions.end() ? 0 : ext->second.first, publish)},
            {"extension_pct", round_to(100 * f.extension_rate.at(b), 0.1)}};
    }
    j["queues"] = nlohmann::json::object();
    for (const auto& b : f.bases) {
        const auto it = in.observed.find(b);
        if (it == in.observed.end()) continue;
        auto& q = queues[f.basis_queue.at(b)];
        q.first += it->second.reviews;
        q.second += it->second.permit_days;
    }
    for (const auto& [q, o] : queues) {
        j["queues"][q] = {{"reviews", count_json(o.first, publish)},
                          {"permit_days", o.second},
                          {"reviews_per_100_permit_months", round_to(per_100_permit_months(o.first, o.second), 0.01)}};
    }
    return j;
}

}  // namespace

nlohmann::json forecast_json(const Forecast& f, bool publish) {
    nlohmann::json j;
    j["based_on_run_as_of"] = rules::to_iso(f.inputs.as_of);
    j["method"] = "docs/reports.md#forecast";
    if (f.basis) j["basis"] = *f.basis;
    j["settings"] = {{"decided_reviews_per_person_year", optional_number(f.decided_per_person_year, 1.0)},
                     {"alarm_stock_growth_pct", optional_number(f.stock_growth_threshold)},
                     {"alarm_reviews_over_capacity_pct", optional_number(f.over_capacity_threshold)}};
    j["inputs"] = inputs_json(f, publish);
    nlohmann::json now = nlohmann::json::object();
    long long now_total = 0;
    for (const auto& b : f.bases) {
        const auto it = f.inputs.supervised_now.find(b);
        const long long n = it == f.inputs.supervised_now.end() ? 0 : it->second;
        now[b] = count_json(n, publish);
        now_total += n;
    }
    now["total"] = count_json(now_total, publish);
    j["now"] = {{"supervised", now}};
    j["months"] = nlohmann::json::array();
    for (const auto& m : f.months) j["months"].push_back(period_json(m, publish, "month"));
    j["years"] = nlohmann::json::array();
    for (const auto& y : f.years) j["years"].push_back(period_json(y, publish, "year"));
    j["alarms"] = nlohmann::json::array();
    for (const auto& a : f.alarms) {
        nlohmann::json x{{"alarm", a.alarm},
                         {"period", a.period},
                         {"value_pct", optional_number(a.value)},
                         {"threshold_pct", round_to(a.threshold, 0.1)}};
        if (!a.queue.empty()) x["queue"] = a.queue;
        j["alarms"].push_back(x);
    }
    if (!f.backtest) {
        j["backtest"] = nullptr;
    } else {
        const auto& b = *f.backtest;
        nlohmann::json months = nlohmann::json::array();
        for (const auto& m : b.months) {
            months.push_back({{"month", m.month},
                              {"supervised",
                               {{"forecast", estimate_json(m.supervised_forecast, publish)},
                                {"observed", count_json(m.supervised_observed, publish)}}},
                              {"new_reviews",
                               {{"forecast", estimate_json(m.reviews_forecast, publish)},
                                {"observed", count_json(m.reviews_observed, publish)}}}});
        }
        j["backtest"] = {{"made_on", rules::to_iso(b.made_on)},
                         {"months", months},
                         {"mean_absolute_error_pct",
                          {{"supervised", optional_number(b.supervised_error_pct)},
                           {"new_reviews", optional_number(b.reviews_error_pct)}}}};
    }
    return j;
}

namespace {

void period_csv(std::string& out, const ForecastPeriod& p, bool publish, bool year) {
    auto row = [&](const char* measure, const std::string& group, const std::string& value) {
        out += csv_record({p.label, measure, group, CsvCell::number(value)});
    };
    for (const auto& [b, v] : p.supervised) row("supervised", b, estimate_text(v, publish));
    row("supervised", "total", estimate_text(p.supervised_total, publish));
    if (year) row("supervised_growth_pct", "total", p.growth_pct ? decimal_text(*p.growth_pct) : "");
    for (const auto& [q, v] : p.review_demand) row("review_demand", q, estimate_text(v, publish));
    row("review_demand", "total", estimate_text(p.review_demand_total, publish));
    for (const auto& [q, v] : p.new_reviews) row("new_reviews", q, estimate_text(v, publish));
    row("new_reviews", "total", estimate_text(p.new_reviews_total, publish));
    for (const auto& [q, v] : p.capacity) row("capacity", q, decimal_text(v, 0));
    if (p.has_officials) {
        for (const auto& [q, v] : p.officials) row("officials_needed", q, decimal_text(v));
        row("officials_needed", "total", decimal_text(p.officials_total));
    }
}

}  // namespace

std::string forecast_csv(const Forecast& f, bool publish) {
    std::string out = csv_record({"month", "measure", "group", "expected"});
    for (const auto& m : f.months) period_csv(out, m, publish, false);
    return out;
}

std::string forecast_years_csv(const Forecast& f, bool publish) {
    std::string out = csv_record({"year", "measure", "group", "expected"});
    for (const auto& y : f.years) period_csv(out, y, publish, true);
    return out;
}

std::string forecast_alarms_csv(const Forecast& f) {
    std::string out = csv_record({"alarm", "queue", "period", "value_pct", "threshold_pct"});
    for (const auto& a : f.alarms) {
        out += csv_record({a.alarm, a.queue, a.period, CsvCell::number(a.value ? decimal_text(*a.value) : ""),
                           CsvCell::number(decimal_text(a.threshold))});
    }
    return out;
}

std::string forecast_backtest_csv(const Forecast& f, bool publish) {
    std::string out = csv_record({"month", "measure", "forecast", "observed", "error_pct"});
    if (!f.backtest) return out;
    auto error = [](double forecast, long long observed) {
        return observed > 0
                   ? decimal_text(100.0 * (forecast - static_cast<double>(observed)) / static_cast<double>(observed))
                   : std::string();
    };
    for (const auto& m : f.backtest->months) {
        out += csv_record({m.month, "supervised", CsvCell::number(estimate_text(m.supervised_forecast, publish)),
                           CsvCell::number(count_text(m.supervised_observed, publish)),
                           CsvCell::number(error(m.supervised_forecast, m.supervised_observed))});
        out += csv_record({m.month, "new_reviews", CsvCell::number(estimate_text(m.reviews_forecast, publish)),
                           CsvCell::number(count_text(m.reviews_observed, publish)),
                           CsvCell::number(error(m.reviews_forecast, m.reviews_observed))});
    }
    return out;
}

}  // namespace supervision::reports
