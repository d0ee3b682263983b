// The coverage report as one self-contained HTML page for a ministry reader: the total
// against the 100 % target first, a bar chart of each line against the target, the table,
// the uncovered permits by reason and one by one, and the 12-month forecast. Inline CSS
// and SVG only: no script, no font or image fetched, so it opens the same offline.
#include "reports/coverage_format.h"
#include "version.h"

#include <cstdio>
#include <map>
#include <sstream>

namespace supervision::reports {

namespace {

std::string escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string pct_text(const std::optional<Percent>& p) { return p ? p->text() + "&#8239;%" : "–"; }

// A forecast figure for the reader: a whole number.
std::string whole(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
}

constexpr const char* kStyle = R"(
body{font-family:"DejaVu Sans","Liberation Sans",Arial,sans-serif;color:#1b1b1b;margin:2rem auto;max-width:60rem;padding:0 1rem;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc;padding-bottom:.2rem}
.lead{font-size:1.1rem}.big{font-size:2.4rem;font-weight:bold}.ok{color:#1d6b2f}.short{color:#a14400}
table{border-collapse:collapse;margin:.5rem 0 1rem;min-width:50%}th,td{padding:.3rem .6rem;vertical-align:top;border-bottom:1px solid #ddd;text-align:left}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}td.n,td.k{white-space:nowrap}tr.total td{font-weight:bold;border-top:2px solid #555}
caption{text-align:left;color:#555;font-size:.9rem;caption-side:bottom;padding-top:.3rem}
.note{color:#555;font-size:.9rem}svg text{font-family:inherit;font-size:13px}
)";

void head(std::ostringstream& o, const CoverageReport& r) {
    o << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>Automated supervision coverage " << r.year << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n";
}

void summary(std::ostringstream& o, const CoverageReport& r) {
    const auto pct = r.total.coverage();
    const bool met = pct && pct->tenths == 1000;
    o << "<h1>Automated supervision coverage " << r.year << "</h1>\n"
      << "<p class=\"note\">Residence permits decided in " << r.year
      << " that a coverage line names (performance agreement, indicator 5: 100&#8239;% under automated supervision).</p>\n"
      << "<p class=\"lead\"><span class=\"big " << (met ? "ok" : "short") << "\" id=\"total-coverage\">" << pct_text(pct)
      << "</span> of the <strong id=\"total-eligible\">" << r.total.eligible << "</strong> eligible permits are under"
      << " automated supervision: <strong id=\"total-covered\">" << r.total.covered << "</strong> covered, <strong"
      << " id=\"total-uncovered\">" << r.total.uncovered() << "</strong> not. Target: 100&#8239;%.</p>\n";
}

// Horizontal bars, one per line with eligible permits, 0–100 % against the target line.
void chart(std::ostringstream& o, const CoverageReport& r) {
    const int label_w = 190, bar_w = 460, row_h = 30, top = 28;
    const int rows = static_cast<int>(r.lines.size()) + 1;
    const int height = top + rows * row_h + 10;
    o << "<h2>Coverage per line against the target</h2>\n"
      << "<svg id=\"coverage-chart\" role=\"img\" width=\"760\" height=\"" << height << "\" viewBox=\"0 0 760 " << height
      << "\" xmlns=\"http://www.w3.org/2000/svg\" aria-labelledby=\"chart-title\">\n"
      << "<title id=\"chart-title\">Coverage per coverage line, percent, against the 100 % target</title>\n";
    for (int tick = 0; tick <= 100; tick += 25) {
        const int x = label_w + bar_w * tick / 100;
        o << "<line x1=\"" << x << "\" y1=\"" << top - 6 << "\" x2=\"" << x << "\" y2=\"" << height - 10
          << "\" stroke=\"#e3e3e3\"/><text x=\"" << x << "\" y=\"" << top - 10 << "\" text-anchor=\"middle\" fill=\"#666\">"
          << tick << " %</text>\n";
    }
    auto bar = [&](int i, const LineCoverage& l, bool total) {
        const int y = top + i * row_h;
        const auto pct = l.coverage();
        o << "<g class=\"bar\" data-line=\"" << escape(l.line) << "\">"
          << "<text x=\"" << label_w - 8 << "\" y=\"" << y + 19 << "\" text-anchor=\"end\"" << (total ? " font-weight=\"bold\"" : "")
          << ">" << escape(l.line) << "</text>";
        if (pct) {
            const long long w = static_cast<long long>(bar_w) * pct->tenths / 1000;
            o << "<rect x=\"" << label_w << "\" y=\"" << y + 5 << "\" width=\"" << w << "\" height=\"" << row_h - 10
              << "\" fill=\"" << (pct->tenths == 1000 ? "#2e7d32" : "#e07b00") << "\"/>"
              << "<text x=\"" << label_w + bar_w + 8 << "\" y=\"" << y + 19 << "\">" << pct->text() << " %</text>";
        } else {
            o << "<text x=\"" << label_w + 6 << "\" y=\"" << y + 19 << "\" fill=\"#777\">no eligible permits</text>";
        }
        o << "</g>\n";
    };
    for (std::size_t i = 0; i < r.lines.size(); ++i) bar(static_cast<int>(i), r.lines[i], false);
    bar(static_cast<int>(r.lines.size()), r.total, true);
    const int target_x = label_w + bar_w;
    o << "<line id=\"target-line\" x1=\"" << target_x << "\" y1=\"" << top - 6 << "\" x2=\"" << target_x << "\" y2=\""
      << height - 10 << "\" stroke=\"#1b1b1b\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\n"
      << "</svg>\n<p class=\"note\">Bars: share of eligible permits under supervision; dashed line: the 100&#8239;% target."
      << " Green: target met; orange: below target.</p>\n";
}

void table_row(std::ostringstream& o, const LineCoverage& l, bool total) {
    o << "<tr" << (total ? " class=\"total\"" : "") << " data-line=\"" << escape(l.line) << "\"><td>" << escape(l.line)
      << "</td><td class=\"n\">" << l.eligible << "</td><td class=\"n\">" << l.covered << "</td><td class=\"n\">"
      << l.uncovered() << "</td><td class=\"n\">" << pct_text(l.coverage()) << "</td></tr>\n";
}

void coverage_table(std::ostringstream& o, const CoverageReport& r) {
    o << "<h2>Coverage per line</h2>\n<table id=\"coverage-table\">\n"
      << "<thead><tr><th>Coverage line</th><th class=\"n\">Eligible</th><th class=\"n\">Covered</th>"
      << "<th class=\"n\">Uncovered</th><th class=\"n\">Coverage</th></tr></thead>\n<tbody>\n";
    for (const auto& l : r.lines) table_row(o, l, false);
    table_row(o, r.total, true);
    o << "</tbody>\n<caption>Eligible: permits decided in " << r.year
      << ", whatever their status now, that match the line and whose line was in force while they were valid in "
      << r.year << "; each permit counts once, under its first matching line. Covered: enrolled in supervision. "
      << "–: no eligible permits.</caption>\n</table>\n";
}

void uncovered(std::ostringstream& o, const CoverageReport& r) {
    o << "<h2>Permits not covered</h2>\n";
    if (r.uncovered.empty()) {
        o << "<p>None: every eligible permit is under supervision.</p>\n";
        return;
    }
    std::map<std::string, long long> by_reason;
    for (const auto& u : r.uncovered) ++by_reason[u.reason];
    o << "<table id=\"reason-table\"><thead><tr><th>Reason</th><th class=\"n\">Permits</th></tr></thead><tbody>\n";
    for (const auto& [reason, n] : by_reason) {
        o << "<tr><td>" << escape(reason) << "</td><td class=\"n\">" << n << "</td></tr>\n";
    }
    o << "</tbody></table>\n<details" << (r.uncovered.size() <= 50 ? " open" : "") << "><summary>All "
      << r.uncovered.size() << " permits</summary>\n<table id=\"uncovered-table\"><thead><tr><th>Permit</th><th>Line</th>"
      << "<th>Reason</th></tr></thead><tbody>\n";
    for (const auto& u : r.uncovered) {
        o << "<tr><td class=\"k\">" << escape(u.permit_id) << "</td><td class=\"k\">" << escape(u.line) << "</td><td>" << escape(u.reason)
          << "</td></tr>\n";
    }
    o << "</tbody></table></details>\n<p class=\"note\">Reasons, the first that applies: rejected as bad register"
      << " data by the last run (with the register's fault); validity not started by the last run; revoked or withdrawn"
      << " before any run enrolled it; no run while it was valid.</p>\n";
}

void forecast_table(std::ostringstream& o, const CoverageReport& r) {
    o << "<h2>Forecast: the next 12 months</h2>\n";
    if (!r.forecast) {
        o << "<p>No forecast: no run has completed yet.</p>\n";
        return;
    }
    const auto& f = *r.forecast;
    std::vector<std::string> queues;
    if (!f.months.empty()) {
        for (const auto& [q, _] : f.months.front().new_reviews) queues.push_back(q);
    }
    o << "<table id=\"forecast-table\"><thead><tr><th rowspan=\"2\">Month</th>"
      << "<th class=\"n\" rowspan=\"2\">Permits under supervision</th><th colspan=\"" << queues.size()
      << "\" style=\"text-align:center\">New reviews per queue</th></tr><tr>";
    for (const auto& q : queues) o << "<th class=\"n\">" << escape(q) << "</th>";
    o << "</tr></thead><tbody>\n";
    for (const auto& m : f.months) {
        o << "<tr><td class=\"k\">" << m.month << "</td><td class=\"n\">" << whole(m.supervised_total) << "</td>";
        for (const auto& q : queues) o << "<td class=\"n\">" << whole(m.new_reviews.at(q)) << "</td>";
        o << "</tr>\n";
    }
    o << "</tbody><caption>Expected values, rounded to whole permits and reviews, from the last run on " << rules::to_iso(f.inputs.as_of)
      << ": today's supervised permits while their validity runs, plus the permits granted per month over the last 12"
      << " complete months that a coverage line takes in, for as long as such permits are valid; new reviews at each"
      << " queue's observed rate per supervised permit over the last 12 months, at most its daily capacity."
      << " Revocations and coverage lines that come into force later are not foreseen.</caption></table>\n";
    if (f.inputs.observed_days < kShortHistoryDays) {
        o << "<p class=\"note short\" id=\"short-history\">Caution: the review rates rest on only "
          << f.inputs.observed_days << " day" << (f.inputs.observed_days == 1 ? "" : "s")
          << " of runs. The first runs open reviews for conditions that built up before supervision began,"
          << " so the new-review figures overstate the steady state until about six months of runs.</p>\n";
    }
}

}  // namespace

std::string coverage_html(const CoverageReport& r) {
    std::ostringstream o;
    head(o, r);
    summary(o, r);
    chart(o, r);
    coverage_table(o, r);
    uncovered(o, r);
    forecast_table(o, r);
    o << "<footer class=\"note\"><p>";
    if (r.last_run) {
        o << "Judged by run " << r.last_run->run_id << " of " << rules::to_iso(r.last_run->as_of) << ". ";
    } else {
        o << "No run has completed yet. ";
    }
    o << "supervision " << kServiceVersion << ".</p></footer>\n</body>\n</html>\n";
    return o.str();
}

}  // namespace supervision::reports
