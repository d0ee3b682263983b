// The forecast as a section of an HTML report, for the officials who plan staff: the
// alarms first, then the four years (stock, growth, reviews against capacity, officials
// needed), a chart of the stock, the months, and how far the forecast made a year ago was
// off. Expected values are rounded to whole permits and reviews.
#include "reports/forecast_format.h"
#include "reports/html.h"
#include "reports/suppression.h"

#include <algorithm>
#include <cmath>

namespace supervision::reports {

namespace {

using html::escape;

// Published, a figure above 0 and below 5 is "<5", escaped like any text.
std::string estimate(double v, bool publish) {
    if (publish && v > 0 && v < 5) return escape(kSuppressed);
    return html::whole(v);
}

std::string count(long long v, bool publish) {
    return escape(count_text(v, publish));
}

std::string pct(const std::optional<double>& v) {
    return v ? html::one_decimal(*v) + "&#8239;%" : "–";
}

bool alarmed(const Forecast& f, const std::string& period, const std::string& queue) {
    return std::any_of(f.alarms.begin(), f.alarms.end(), [&](const ForecastAlarm& a) {
        return a.period == period && (queue.empty() || a.queue == queue);
    });
}

void alarms(std::ostringstream& o, const Forecast& f) {
    o << "<h3>Alarms</h3>\n";
    if (!f.stock_growth_threshold && !f.over_capacity_threshold) {
        o << "<p class=\"note\">No alarm thresholds are configured (forecast: in the configuration).</p>\n";
        return;
    }
    o << "<p class=\"note\">Thresholds: the year-end stock growing more than "
      << (f.stock_growth_threshold ? html::one_decimal(*f.stock_growth_threshold) + "&#8239;%" : std::string("–"))
      << " over the previous year-end; new reviews above "
      << (f.over_capacity_threshold ? html::one_decimal(*f.over_capacity_threshold) + "&#8239;%" : std::string("–"))
      << " of a queue's capacity.</p>\n";
    if (f.alarms.empty()) {
        o << "<p id=\"forecast-alarms\" class=\"ok\">No alarm: neither threshold is crossed in the forecast.</p>\n";
        return;
    }
    o << "<table id=\"forecast-alarms\"><thead><tr><th>Alarm</th><th>Queue</th><th>Period</th>"
      << "<th class=\"n\">Value</th><th class=\"n\">Threshold</th></tr></thead><tbody>\n";
    for (const auto& a : f.alarms) {
        o << "<tr class=\"alarm\"><td>" << (a.alarm == "stock_growth" ? "stock growth" : "reviews over capacity")
          << "</td><td>" << escape(a.queue) << "</td><td class=\"k\">" << a.period << "</td><td class=\"n\">"
          << (a.value ? pct(a.value) : std::string("no capacity")) << "</td><td class=\"n\">"
          << html::one_decimal(a.threshold) << "&#8239;%</td></tr>\n";
    }
    o << "</tbody></table>\n";
}

void period_table(std::ostringstream& o, const Forecast& f, const std::vector<ForecastPeriod>& periods, bool years,
                  bool publish) {
    o << "<table id=\"forecast-" << (years ? "years" : "months") << "\"><thead><tr><th rowspan=\"2\">"
      << (years ? "Year" : "Month") << "</th><th class=\"n\" rowspan=\"2\">Permits under supervision"
      << (years ? " at year end" : "") << "</th>";
    if (years) o << "<th class=\"n\" rowspan=\"2\">Growth</th>";
    o << "<th class=\"group\" colspan=\"" << f.queues.size() << "\">New reviews called for / capacity, per queue</th>"
      << "<th class=\"n\" rowspan=\"2\">Officials needed</th></tr><tr>";
    for (const auto& q : f.queues) o << "<th class=\"n\">" << escape(q) << "</th>";
    o << "</tr></thead><tbody>\n";
    for (const auto& p : periods) {
        o << "<tr" << (alarmed(f, p.label, "") ? " class=\"alarm\"" : "") << "><td class=\"k\">" << p.label
          << "</td><td class=\"n\">" << estimate(p.supervised_total, publish) << "</td>";
        if (years) o << "<td class=\"n\">" << pct(p.growth_pct) << "</td>";
        for (const auto& q : f.queues) {
            const double demand = p.review_demand.count(q) ? p.review_demand.at(q) : 0.0;
            const double capacity = p.capacity.count(q) ? p.capacity.at(q) : 0.0;
            o << "<td class=\"n\">" << estimate(demand, publish) << " / " << html::whole(capacity) << "</td>";
        }
        o << "<td class=\"n\">" << (p.has_officials ? html::one_decimal(p.officials_total) : std::string("–"))
          << "</td></tr>\n";
    }
    o << "</tbody></table>\n";
}

// The supervised stock per month: the backtest's observed months (grey), the forecast made
// a year ago over them (dashed), and today's forecast (blue), on one time axis.
void stock_chart(std::ostringstream& o, const Forecast& f) {
    struct Point {
        int x;
        double y;
    };
    std::vector<std::string> labels;
    std::vector<Point> observed, before, ahead;
    if (f.backtest) {
        for (const auto& m : f.backtest->months) {
            observed.push_back({static_cast<int>(labels.size()), static_cast<double>(m.supervised_observed)});
            before.push_back({static_cast<int>(labels.size()), m.supervised_forecast});
            labels.push_back(m.month);
        }
    }
    for (const auto& m : f.months) {
        ahead.push_back({static_cast<int>(labels.size()), m.supervised_total});
        labels.push_back(m.label);
    }
    if (labels.size() < 2) return;
    double top = 1;
    for (const auto* s : {&observed, &before, &ahead}) {
        for (const auto& p : *s) top = std::max(top, p.y);
    }
    top *= 1.1;
    const int left = 60, width = 680, height = 220, base = 240;
    const double step = static_cast<double>(width) / static_cast<double>(labels.size() - 1);
    auto xy = [&](const Point& p) {
        return html::whole(left + step * p.x) + "," + html::whole(base - height * p.y / top);
    };
    auto line = [&](const std::vector<Point>& s, const char* colour, const char* extra, const char* cls) {
        if (s.empty()) return;
        o << "<polyline class=\"" << cls << "\" fill=\"none\" stroke=\"" << colour << "\" stroke-width=\"2\" " << extra
          << " points=\"";
        for (const auto& p : s) o << xy(p) << ' ';
        o << "\"/>\n";
    };
    o << "<svg id=\"forecast-chart\" role=\"img\" width=\"760\" height=\"280\" viewBox=\"0 0 760 280\""
      << " xmlns=\"http://www.w3.org/2000/svg\" aria-labelledby=\"forecast-chart-title\">\n"
      << "<title id=\"forecast-chart-title\">Permits under supervision per month: observed, the forecast made a year"
      << " ago, and today's forecast</title>\n";
    for (int t = 0; t <= 4; ++t) {
        const double v = top * t / 4;
        const std::string y = html::whole(base - height * v / top);
        o << "<line x1=\"" << left << "\" y1=\"" << y << "\" x2=\"" << left + width << "\" y2=\"" << y
          << "\" stroke=\"#e3e3e3\"/><text x=\"" << left - 6 << "\" y=\"" << y
          << "\" text-anchor=\"end\" fill=\"#666\">" << html::whole(v) << "</text>\n";
    }
    for (std::size_t i = 0; i < labels.size(); i += 6) {
        o << "<text x=\"" << html::whole(left + step * static_cast<double>(i)) << "\" y=\"" << base + 18
          << "\" text-anchor=\"middle\" fill=\"#666\">" << labels[i] << "</text>\n";
    }
    line(observed, "#777", "", "observed");
    line(before, "#a14400", "stroke-dasharray=\"5 4\"", "backtest");
    line(ahead, "#1f5f99", "", "forecast");
    o << "</svg>\n<p class=\"note\">Grey: permits under supervision at each month's end; dashed orange: what the"
      << " forecast made a year ago expected for those months; blue: today's forecast.</p>\n";
}

void backtest(std::ostringstream& o, const Forecast& f, bool publish) {
    o << "<h3>Backtest: the forecast made a year ago against what happened</h3>\n";
    if (!f.backtest) {
        o << "<p class=\"note\" id=\"backtest\">No backtest: runs began less than a year before "
          << rules::to_iso(f.inputs.as_of) << ".</p>\n";
        return;
    }
    const auto& b = *f.backtest;
    o << "<p id=\"backtest\">Made from " << rules::to_iso(b.made_on) << " with today's method and configuration, over "
      << b.months.size() << " months: mean absolute error <strong id=\"backtest-supervised-error\">"
      << pct(b.supervised_error_pct) << "</strong> for the permits under supervision, <strong"
      << " id=\"backtest-reviews-error\">" << pct(b.reviews_error_pct) << "</strong> for the new reviews.</p>\n"
      << "<details><summary>Month by month</summary>\n<table id=\"backtest-table\"><thead><tr><th>Month</th>"
      << "<th class=\"n\">Supervised, forecast</th><th class=\"n\">observed</th><th class=\"n\">New reviews, forecast"
      << "</th><th class=\"n\">observed</th></tr></thead><tbody>\n";
    for (const auto& m : b.months) {
        o << "<tr><td class=\"k\">" << m.month << "</td><td class=\"n\">" << estimate(m.supervised_forecast, publish)
          << "</td><td class=\"n\">" << count(m.supervised_observed, publish) << "</td><td class=\"n\">"
          << estimate(m.reviews_forecast, publish) << "</td><td class=\"n\">" << count(m.reviews_observed, publish)
          << "</td></tr>\n";
    }
    o << "</tbody></table></details>\n";
}

}  // namespace

void forecast_html(std::ostringstream& o, const Forecast& f, bool publish) {
    o << "<h2 id=\"forecast\">Forecast" << (f.basis ? ": " + escape(*f.basis) : std::string()) << "</h2>\n"
      << "<p class=\"note\">From the last run on " << rules::to_iso(f.inputs.as_of)
      << ": today's supervised permits while their validity runs, the permits waiting for a coverage line that comes"
      << " into force, first permits turning into extended ones at the observed share, the permits that start each"
      << " month at the last 12 months' pace, less the observed early ends (revocations, withdrawals, deaths); new"
      << " reviews at each basis's observed rate per supervised permit, against each queue's daily capacity; officials"
      << " needed at " << (f.decided_per_person_year ? html::whole(*f.decided_per_person_year) : std::string("–"))
      << " decided reviews per person-year. Method: docs/reports.md, Forecast.</p>\n";
    if (f.inputs.observed_days < kShortHistoryDays) {
        o << "<p class=\"note short\" id=\"short-history\">Caution: the review rates rest on only "
          << f.inputs.observed_days << " day" << (f.inputs.observed_days == 1 ? "" : "s")
          << " of runs. The first runs open reviews for conditions that built up before supervision began,"
          << " so the new-review figures overstate the steady state until about six months of runs.</p>\n";
    }
    alarms(o, f);
    o << "<h3>The next four years</h3>\n";
    period_table(o, f, f.years, true, publish);
    stock_chart(o, f);
    o << "<h3>Month by month, through next year</h3>\n";
    period_table(o, f, f.months, false, publish);
    backtest(o, f, publish);
}

}  // namespace supervision::reports
