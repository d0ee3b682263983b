// The forecast as Prometheus text-format metrics, for the node_exporter textfile collector
// beside the run's own file: the yearly figures and the alarms, so that an alert rule can
// page the planners when a threshold is crossed (docs/operations.md).
#include "reports/forecast_format.h"

#include <chrono>
#include <cmath>
#include <iomanip>
#include <locale>
#include <sstream>
#include <utility>
#include <vector>

namespace supervision::reports {

namespace {

using Labels = std::vector<std::pair<std::string, std::string>>;

std::string number(double v) {
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
    std::ostringstream s;
    s.imbue(std::locale::classic());
    s << std::setprecision(15) << v;
    return s.str();
}

std::string label_value(const std::string& v) {
    std::string out;
    for (const char ch : v) {
        if (ch == '\\') {
            out += "\\\\";
        } else if (ch == '"') {
            out += "\\\"";
        } else if (ch == '\n') {
            out += "\\n";
        } else {
            out += ch;
        }
    }
    return out;
}

class Exposition {
public:
    void family(const std::string& name, const std::string& help) {
        name_ = name;
        out_ << "# HELP " << name << ' ' << help << "\n# TYPE " << name << " gauge\n";
    }
    void sample(double value, const Labels& labels = {}) {
        out_ << name_;
        if (!labels.empty()) {
            out_ << '{';
            for (std::size_t i = 0; i < labels.size(); ++i) {
                out_ << (i ? "," : "") << labels[i].first << "=\"" << label_value(labels[i].second) << '"';
            }
            out_ << '}';
        }
        out_ << ' ' << number(value) << '\n';
    }
    std::string text() const { return out_.str(); }

private:
    std::ostringstream out_;
    std::string name_;
};

double day_seconds(rules::Day d) {
    return static_cast<double>(std::chrono::duration_cast<std::chrono::seconds>(d.time_since_epoch()).count());
}

}  // namespace

std::string forecast_metrics_text(const std::optional<Forecast>& forecast) {
    Exposition e;
    e.family("supervision_forecast_available", "1 if a run has completed, so that there is a forecast.");
    e.sample(forecast ? 1 : 0);
    if (!forecast) return e.text();
    const Forecast& f = *forecast;
    e.family("supervision_forecast_as_of_timestamp_seconds",
             "The day the forecast is made from (the last completed run's as_of), as Unix time of its 00:00 UTC.");
    e.sample(day_seconds(f.inputs.as_of));
    e.family("supervision_forecast_supervised_permits", "Expected permits under supervision at the end of the year.");
    for (const auto& y : f.years) e.sample(y.supervised_total, {{"year", y.label}});
    e.family("supervision_forecast_supervised_growth_percent",
             "Expected growth of the year-end supervised stock over the previous year-end, percent.");
    for (const auto& y : f.years) {
        if (y.growth_pct) e.sample(*y.growth_pct, {{"year", y.label}});
    }
    e.family("supervision_forecast_review_demand",
             "Expected new reviews the conditions call for in the year, per queue.");
    for (const auto& y : f.years) {
        for (const auto& [q, v] : y.review_demand) e.sample(v, {{"queue", q}, {"year", y.label}});
    }
    e.family("supervision_forecast_review_capacity", "Reviews the queue's daily capacity opens in the year.");
    for (const auto& y : f.years) {
        for (const auto& [q, v] : y.capacity) e.sample(v, {{"queue", q}, {"year", y.label}});
    }
    e.family("supervision_forecast_officials_needed",
             "Person-years needed to decide the year's expected new reviews, per queue.");
    for (const auto& y : f.years) {
        for (const auto& [q, v] : y.officials) e.sample(v, {{"queue", q}, {"year", y.label}});
    }
    e.family("supervision_forecast_alarm_threshold_percent", "The configured alarm thresholds, percent.");
    if (f.stock_growth_threshold) e.sample(*f.stock_growth_threshold, {{"alarm", "stock_growth"}});
    if (f.over_capacity_threshold) e.sample(*f.over_capacity_threshold, {{"alarm", "reviews_over_capacity"}});
    e.family("supervision_forecast_alarms", "Alarms the forecast raises (0: none); the alarm series name each one.");
    e.sample(static_cast<double>(f.alarms.size()));
    e.family("supervision_forecast_alarm",
             "1 for each alarm of the forecast: the stock growing over its threshold in a year, or a queue's new "
             "reviews over the threshold share of its capacity in a month or year.");
    for (const auto& a : f.alarms) e.sample(1, {{"alarm", a.alarm}, {"queue", a.queue}, {"period", a.period}});
    if (f.backtest) {
        e.family("supervision_forecast_backtest_error_percent",
                 "Mean absolute percentage error of the forecast made a year ago, over the months since.");
        if (f.backtest->supervised_error_pct) e.sample(*f.backtest->supervised_error_pct, {{"measure", "supervised"}});
        if (f.backtest->reviews_error_pct) e.sample(*f.backtest->reviews_error_pct, {{"measure", "new_reviews"}});
    }
    return e.text();
}

}  // namespace supervision::reports
