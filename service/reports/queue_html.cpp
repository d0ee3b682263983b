// The queue report as one self-contained HTML page for a team lead: what is overdue and due
// soon first, a chart of each queue's load, the figures per queue, then decided ÷ opened
// per month with its chart. Inline CSS and SVG only: no script, nothing fetched.
#include "reports/html.h"
#include "reports/queue_report.h"
#include "version.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace supervision::reports {

namespace {

constexpr const char* kStyle = R"(
body{font-family:"DejaVu Sans","Liberation Sans",Arial,sans-serif;color:#1b1b1b;margin:2rem auto;max-width:60rem;padding:0 1rem;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc;padding-bottom:.2rem}
.lead{font-size:1.1rem}.big{font-size:2rem;font-weight:bold}.late{color:#b00020}.soon{color:#a14400}
table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{padding:.3rem .5rem;vertical-align:top;border-bottom:1px solid #ddd;text-align:left}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}tr.total td{font-weight:bold;border-top:2px solid #555}
caption{text-align:left;color:#555;font-size:.9rem;caption-side:bottom;padding-top:.3rem}th{font-size:.9rem}
.note{color:#555;font-size:.9rem}svg text{font-family:inherit;font-size:12px}svg{max-width:100%;height:auto}
.key span{display:inline-block;width:.9rem;height:.9rem;margin:0 .3rem 0 1rem;vertical-align:middle}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}table,svg{break-inside:avoid}}
)";

constexpr const char* kOverdueColour = "#b00020";
constexpr const char* kSoonColour = "#e07b00";
constexpr const char* kOpenColour = "#5b7fa6";
constexpr const char* kBacklogColour = "#c9c9c9";
constexpr const char* kOpenedColour = "#5b7fa6";
constexpr const char* kDecidedColour = "#2e7d32";

long long count_of(const nlohmann::json& j, const char* key) {
    return j.value(key, 0LL);
}

std::string fixed(const nlohmann::json& v, int decimals) {
    if (!v.is_number()) return "–";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v.get<double>());
    return buf;
}

std::string whole(const nlohmann::json& v) {
    return v.is_number() ? std::to_string(v.get<long long>()) : "–";
}

const nlohmann::json& at(const nlohmann::json& j, const char* a, const char* b) {
    static const nlohmann::json none;
    return j.contains(a) && j[a].contains(b) ? j[a][b] : none;
}

void summary(std::ostringstream& o, const nlohmann::json& r) {
    const auto& t = r["total"];
    o << "<h1>Review queues on " << html::escape(r["as_of"].get<std::string>()) << "</h1>\n"
      << "<p class=\"note\">Revocation reviews waiting for a decision, what is due, how long cases take, and how many"
      << " are decided against how many are opened.</p>\n"
      << "<p class=\"lead\"><span class=\"big late\" id=\"total-overdue\">" << count_of(t, "overdue")
      << "</span> reviews overdue and <span class=\"big soon\" id=\"total-due-soon\">"
      << count_of(t, "due_within_7_days") << "</span> due within " << r["due_within_days"].get<int>()
      << " days, of <strong id=\"total-open\">" << count_of(t, "open") + count_of(t, "hearing")
      << "</strong> open or in hearing; <strong id=\"total-backlog\">" << count_of(t, "backlog")
      << "</strong> permits wait in the backlog for capacity.</p>\n";
}

// One horizontal bar per queue: overdue, due soon, the rest of the open reviews, backlog.
void load_chart(std::ostringstream& o, const nlohmann::json& r) {
    const int label_w = 130, bar_w = 520, row_h = 30, top = 10;
    const auto& queues = r["queues"];
    long long most = 1;
    for (const auto& q : queues) {
        most = std::max(most, count_of(q, "open") + count_of(q, "hearing") + count_of(q, "backlog"));
    }
    const int height = top + static_cast<int>(queues.size()) * row_h + 10;
    o << "<h2>Load per queue</h2>\n<svg id=\"queue-chart\" role=\"img\" width=\"760\" height=\"" << height
      << "\" viewBox=\"0 0 760 " << height
      << "\" xmlns=\"http://www.w3.org/2000/svg\" aria-labelledby=\"queue-chart-title\">\n"
      << "<title id=\"queue-chart-title\">Reviews per queue: overdue, due within " << r["due_within_days"].get<int>()
      << " days, other open or in hearing, and permits in the backlog</title>\n";
    int i = 0;
    for (const auto& q : queues) {
        const int y = top + i++ * row_h;
        const std::string name = q["queue"].get<std::string>();
        const long long active = count_of(q, "open") + count_of(q, "hearing");
        const long long parts[] = {count_of(q, "overdue"), count_of(q, "due_within_7_days"),
                                   active - count_of(q, "overdue") - count_of(q, "due_within_7_days"),
                                   count_of(q, "backlog")};
        const char* colours[] = {kOverdueColour, kSoonColour, kOpenColour, kBacklogColour};
        const char* kinds[] = {"overdue", "due-soon", "open", "backlog"};
        o << "<g class=\"bar\" data-queue=\"" << html::escape(name) << "\"><text x=\"" << label_w - 8 << "\" y=\""
          << y + 19 << "\" text-anchor=\"end\">" << html::escape(name) << "</text>";
        long long x = label_w;
        for (int k = 0; k < 4; ++k) {
            const long long w = bar_w * parts[k] / most;
            if (parts[k] > 0) {
                o << "<rect class=\"" << kinds[k] << "\" x=\"" << x << "\" y=\"" << y + 5 << "\" width=\""
                  << std::max(w, 1LL) << "\" height=\"" << row_h - 10 << "\" fill=\"" << colours[k] << "\"><title>"
                  << kinds[k] << ": " << parts[k] << "</title></rect>";
            }
            x += w;
        }
        o << "<text x=\"" << x + 6 << "\" y=\"" << y + 19 << "\">" << active << " + " << count_of(q, "backlog")
          << "</text></g>\n";
    }
    o << "</svg>\n<p class=\"note key\"><span style=\"background:" << kOverdueColour << "\"></span>overdue"
      << "<span style=\"background:" << kSoonColour << "\"></span>due within " << r["due_within_days"].get<int>()
      << " days<span style=\"background:" << kOpenColour
      << "\"></span>other open or in hearing<span style=\"background:" << kBacklogColour
      << "\"></span>backlog. The figures: open or in hearing + backlog.</p>\n";
}

void open_row(std::ostringstream& o, const std::string& name, const nlohmann::json& q, bool total) {
    o << "<tr" << (total ? " class=\"total\"" : "") << " data-queue=\"" << html::escape(name) << "\"><td>"
      << html::escape(name) << "</td><td class=\"n\">" << count_of(q, "open") << "</td><td class=\"n\">"
      << count_of(q, "hearing") << "</td><td class=\"n\">" << count_of(q, "due_within_7_days")
      << "</td><td class=\"n\">" << count_of(q, "overdue") << "</td><td class=\"n\">"
      << fixed(at(q, "open_age_days", "median"), 1) << " / " << whole(at(q, "open_age_days", "max"))
      << "</td><td class=\"n\">" << count_of(q, "backlog") << "</td><td class=\"n\">"
      << fixed(at(q, "backlog_age_days", "median"), 1) << " / " << whole(at(q, "backlog_age_days", "max"))
      << "</td></tr>\n";
}

void decision_row(std::ostringstream& o, const std::string& name, const nlohmann::json& q, bool total) {
    const auto& m = q["month"];
    o << "<tr" << (total ? " class=\"total\"" : "") << " data-queue=\"" << html::escape(name) << "\"><td>"
      << html::escape(name) << "</td><td class=\"n\">" << count_of(q, "closed") << "</td><td class=\"n\">"
      << fixed(at(q, "decision_days", "median"), 1) << " / " << fixed(at(q, "decision_days", "p90"), 1)
      << "</td><td class=\"n\">" << count_of(m, "decided") << " / " << count_of(m, "opened") << " = "
      << fixed(m["decided_per_opened"], 2) << "</td><td class=\"n\">"
      << (total ? "" : whole(q.value("daily_capacity", nlohmann::json()))) << "</td><td class=\"n\">"
      << (total ? "" : whole(q.value("sla_days", nlohmann::json()))) << "</td></tr>\n";
}

void queue_tables(std::ostringstream& o, const nlohmann::json& r) {
    const int soon = r["due_within_days"].get<int>();
    o << "<h2>Open reviews and backlog</h2>\n<table id=\"queue-table\">\n<thead><tr><th>Queue</th>"
      << "<th class=\"n\">Open</th><th class=\"n\">Hearing</th><th class=\"n\">Due within<br>" << soon
      << " days</th><th class=\"n\">Overdue</th><th class=\"n\">Age, days<br>median / max</th>"
      << "<th class=\"n\">Backlog</th><th class=\"n\">Waiting, days<br>median / max</th></tr></thead>\n<tbody>\n";
    for (const auto& q : r["queues"]) open_row(o, q["queue"].get<std::string>(), q, false);
    open_row(o, "all queues", r["total"], true);
    o << "</tbody>\n</table>\n<p class=\"note\">On " << html::escape(r["as_of"].get<std::string>())
      << ", the day of the last completed run. Due within " << soon
      << " days: open or in hearing, due from that day to " << soon
      << " days after it; a review due that day is not yet overdue. Overdue: due before it. Age: days from"
      << " opening to that day. Waiting: days from entering the backlog to that day. Medians interpolate between the"
      << " two middle cases. –: none.</p>\n";
    o << "<h2>Decisions</h2>\n<table id=\"decision-table\">\n<thead><tr><th>Queue</th><th class=\"n\">Decided</th>"
      << "<th class=\"n\">Days to decision<br>median / 90th pct.</th><th class=\"n\">This month<br>decided / opened"
      << "</th><th class=\"n\">Opens<br>a day</th><th class=\"n\">SLA,<br>days</th></tr></thead>\n<tbody>\n";
    for (const auto& q : r["queues"]) decision_row(o, q["queue"].get<std::string>(), q, false);
    decision_row(o, "all queues", r["total"], true);
    o << "</tbody>\n</table>\n<p class=\"note\">Decided: every closed review. Days to decision: from opening to"
      << " closing; the 90th percentile interpolates between the two nearest cases. This month: the calendar month of"
      << " the run's day. Opens a day and SLA: the configuration's daily capacity and days to the due date.</p>\n";
}

// The months the chart shows: two years fit the page's width at a readable size and cover
// this year and the last, which the authority reports; the table below has every month.
constexpr std::size_t kChartMonths = 24;

// Columns per month of all queues, the last kChartMonths: opened and decided side by side,
// the ratio above.
void flow_chart(std::ostringstream& o, const nlohmann::json& all_months) {
    const std::size_t skip = all_months.size() > kChartMonths ? all_months.size() - kChartMonths : 0;
    const nlohmann::json months(all_months.begin() + static_cast<std::ptrdiff_t>(skip), all_months.end());
    const int left = 40, top = 24, plot_h = 160, slot = 38;
    long long most = 1;
    for (const auto& m : months) most = std::max({most, count_of(m, "opened"), count_of(m, "decided")});
    const int width = std::max(420, left + static_cast<int>(months.size()) * slot + 20);
    const int height = top + plot_h + 40;
    o << "<svg id=\"flow-chart\" role=\"img\" width=\"" << width << "\" height=\"" << height << "\" viewBox=\"0 0 "
      << width << ' ' << height << "\" xmlns=\"http://www.w3.org/2000/svg\" aria-labelledby=\"flow-chart-title\">\n"
      << "<title id=\"flow-chart-title\">Reviews opened and decided per month, all queues, with decided ÷ opened"
      << "</title>\n<line x1=\"" << left << "\" y1=\"" << top + plot_h << "\" x2=\"" << width - 10 << "\" y2=\""
      << top + plot_h << "\" stroke=\"#999\"/>\n<text x=\"" << left - 6 << "\" y=\"" << top + 4
      << "\" text-anchor=\"end\" fill=\"#666\">" << most << "</text>\n";
    int i = 0;
    for (const auto& m : months) {
        const int x = left + i++ * slot + 6;
        const long long opened = count_of(m, "opened"), decided = count_of(m, "decided");
        const long long ho = plot_h * opened / most, hd = plot_h * decided / most;
        const std::string month = m["month"].get<std::string>();
        o << "<g class=\"month\" data-month=\"" << html::escape(month) << "\">"
          << "<rect class=\"opened\" x=\"" << x << "\" y=\"" << top + plot_h - ho << "\" width=\"15\" height=\"" << ho
          << "\" fill=\"" << kOpenedColour << "\"><title>opened " << opened << "</title></rect>"
          << "<rect class=\"decided\" x=\"" << x + 16 << "\" y=\"" << top + plot_h - hd << "\" width=\"15\" height=\""
          << hd << "\" fill=\"" << kDecidedColour << "\"><title>decided " << decided << "</title></rect>"
          << "<text x=\"" << x + 16 << "\" y=\"" << top + plot_h - std::max(ho, hd) - 4
          << "\" text-anchor=\"middle\" fill=\"#333\">" << fixed(m["decided_per_opened"], 2) << "</text>"
          << "<text x=\"" << x + 16 << "\" y=\"" << top + plot_h + 16 << "\" text-anchor=\"middle\" fill=\"#666\">"
          << html::escape(month.substr(2)) << "</text></g>\n";
    }
    o << "</svg>\n<p class=\"note key\"><span style=\"background:" << kOpenedColour << "\"></span>opened"
      << "<span style=\"background:" << kDecidedColour << "\"></span>decided; above: decided ÷ opened"
      << (skip > 0 ? "; the last " + std::to_string(kChartMonths) + " months, the table has every one" : std::string())
      << ".</p>\n";
}

void month_table(std::ostringstream& o, const nlohmann::json& r) {
    const auto& months = r["months"];
    std::vector<std::string> queues;
    for (const auto& q : r["queues"]) queues.push_back(q["queue"].get<std::string>());
    o << "<h2>Decided ÷ opened per month</h2>\n<p class=\"note\">The productivity measure: reviews decided (closed) in"
      << " a calendar month divided by the reviews opened in it, whenever they were opened. Above 1: the queue"
      << " shrinks; below 1: it grows.</p>\n";
    flow_chart(o, months["total"]);
    o << "<table id=\"month-table\"><thead><tr><th>Month</th>";
    for (const auto& q : queues) o << "<th class=\"n\">" << html::escape(q) << "</th>";
    o << "<th class=\"n\">all queues</th></tr></thead><tbody>\n";
    for (const auto& t : months["total"]) {
        const std::string month = t["month"].get<std::string>();
        o << "<tr data-month=\"" << html::escape(month) << "\"><td class=\"n\">" << html::escape(month) << "</td>";
        auto cell = [&o](const nlohmann::json& m) {
            o << "<td class=\"n\">" << count_of(m, "decided") << " / " << count_of(m, "opened") << " = "
              << fixed(m["decided_per_opened"], 2) << "</td>";
        };
        for (const auto& q : queues) {
            for (const auto& m : months["by_queue"]) {
                if (m["queue"] == q && m["month"] == month) cell(m);
            }
        }
        cell(t);
        o << "</tr>\n";
    }
    o << "</tbody></table>\n<p class=\"note\">Each cell: decided / opened = the ratio, two decimals; –: nothing"
      << " opened that month.</p>\n";
}

}  // namespace

std::string queue_html(const nlohmann::json& r) {
    std::ostringstream o;
    o << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Review queues "
      << html::escape(r["as_of"].get<std::string>()) << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n";
    summary(o, r);
    load_chart(o, r);
    queue_tables(o, r);
    month_table(o, r);
    o << "<footer class=\"note\"><p>";
    if (r["judged_by_run"].is_object()) {
        o << "Figures on the day of run " << r["judged_by_run"]["run_id"].get<long long>() << " of "
          << html::escape(r["judged_by_run"]["as_of"].get<std::string>()) << ", reviews as they stand now. ";
    } else {
        o << "No run has completed yet. ";
    }
    o << "supervision " << html::escape(kServiceVersion) << ".</p></footer>\n</body>\n</html>\n";
    return o.str();
}

}  // namespace supervision::reports
