// The coverage report as one self-contained HTML page for a ministry reader: the total of
// each view against the 100 % target first (the year's decisions and the stock in force
// in the year, side by side, each with one sentence on what it counts), a bar chart of each
// line in both views against the target, the table, the uncovered permits by reason and
// one by one, and the forecast. Inline CSS and SVG only: no script, no font or image
// fetched, so it opens the same offline.
#include "reports/coverage_format.h"
#include "reports/forecast_format.h"
#include "reports/html.h"

#include <map>
#include <set>
#include <sstream>

namespace supervision::reports {

namespace {

using html::escape;

std::string pct_text(const std::optional<Percent>& p) {
    return p ? p->text() + "&#8239;%" : "–";
}

std::string lag_text(const std::optional<LagSummary>& lag, bool median) {
    if (!lag) return "–";
    if (!median) return std::to_string(lag->max);
    return lag->median == static_cast<double>(static_cast<long long>(lag->median))
               ? std::to_string(static_cast<long long>(lag->median))
               : html::one_decimal(lag->median);
}

// One sentence each on what the view counts (rules.md §9).
std::string decisions_sentence(int year) {
    return "Decisions: the permits decided in " + std::to_string(year) +
           " that a coverage line names, each counted once in the year of its decision, whatever its status now;"
           " covered when enrolled.";
}

std::string stock_sentence(int year) {
    return "Stock: the permits in force on some day of " + std::to_string(year) +
           " (up to the last run) under a coverage line then in force, whatever their decision year; covered when"
           " enrolled by their last such day of the year.";
}

// The summary of one view: its total against the target. The decisions view keeps the
// element ids it always had (total-coverage, …); the stock view's carry the prefix stock-.
void total_block(std::ostringstream& o, const CoverageReport& r, const std::string& id_prefix, const std::string& title,
                 const std::string& sentence) {
    const auto pct = r.total.coverage();
    const bool met = pct && pct->tenths == 1000;
    o << "<div class=\"view\" id=\"" << id_prefix << "view\"><h3>" << title << "</h3>\n"
      << "<p class=\"note\">" << escape(sentence) << "</p>\n"
      << "<p class=\"lead\"><span class=\"big " << (met ? "ok" : "short") << "\" id=\"" << id_prefix
      << "total-coverage\">" << pct_text(pct) << "</span> of the <strong id=\"" << id_prefix << "total-eligible\">"
      << r.total.eligible << "</strong> eligible permits are under automated supervision: <strong id=\"" << id_prefix
      << "total-covered\">" << r.total.covered << "</strong> covered, <strong id=\"" << id_prefix
      << "total-uncovered\">" << r.total.uncovered() << "</strong> not. Target: 100&#8239;%.</p>\n";
    if (r.view == CoverageView::stock) {
        const auto lag = r.total.lag();
        o << "<p>Enrolment lag of the covered permits: median <strong id=\"stock-lag-median\">" << lag_text(lag, true)
          << "</strong> days, longest <strong id=\"stock-lag-max\">" << lag_text(lag, false) << "</strong> days.</p>\n";
    }
    o << "</div>\n";
}

void summary(std::ostringstream& o, const CoverageReport& r) {
    o << "<h1>Automated supervision coverage " << r.year << "</h1>\n"
      << "<p class=\"note\">Performance agreement, indicator 5: 100&#8239;% of the residence permits that the"
      << " coverage lines name under automated supervision.</p>\n<div class=\"views\">\n";
    total_block(o, r, "", "Decisions of " + std::to_string(r.year), decisions_sentence(r.year));
    if (r.stock)
        total_block(o, *r.stock, "stock-", "Stock in force in " + std::to_string(r.year), stock_sentence(r.year));
    o << "</div>\n";
}

// Horizontal bars per line, 0–100 % against the target line: the decisions view's bar and,
// beneath it, the stock view's (hatched blue).
void chart(std::ostringstream& o, const CoverageReport& r) {
    const bool both = r.stock != nullptr;
    const int label_w = 190, bar_w = 460, row_h = both ? 40 : 30, top = 28;
    const int rows = static_cast<int>(r.lines.size()) + 1;
    const int height = top + rows * row_h + 10;
    o << "<h2>Coverage per line against the target</h2>\n"
      << "<svg id=\"coverage-chart\" role=\"img\" width=\"760\" height=\"" << height << "\" viewBox=\"0 0 760 "
      << height << "\" xmlns=\"http://www.w3.org/2000/svg\" aria-labelledby=\"chart-title\">\n"
      << "<title id=\"chart-title\">Coverage per coverage line, percent, against the 100 % target</title>\n";
    for (int tick = 0; tick <= 100; tick += 25) {
        const int x = label_w + bar_w * tick / 100;
        o << "<line x1=\"" << x << "\" y1=\"" << top - 6 << "\" x2=\"" << x << "\" y2=\"" << height - 10
          << "\" stroke=\"#e3e3e3\"/><text x=\"" << x << "\" y=\"" << top - 10
          << "\" text-anchor=\"middle\" fill=\"#666\">" << tick << " %</text>\n";
    }
    auto bar = [&](int y, int h, const LineCoverage& l, bool stock) {
        const auto pct = l.coverage();
        if (pct) {
            const long long w = static_cast<long long>(bar_w) * pct->tenths / 1000;
            const char* fill =
                stock ? (pct->tenths == 1000 ? "#1f5f99" : "#5b8fc7") : (pct->tenths == 1000 ? "#2e7d32" : "#e07b00");
            o << "<rect class=\"" << (stock ? "stock" : "decisions") << "\" x=\"" << label_w << "\" y=\"" << y
              << "\" width=\"" << w << "\" height=\"" << h << "\" fill=\"" << fill << "\"/>"
              << "<text x=\"" << label_w + bar_w + 8 << "\" y=\"" << y + h - 2 << "\">" << pct->text() << " %"
              << (stock ? " stock" : "") << "</text>";
        } else {
            o << "<text x=\"" << label_w + 6 << "\" y=\"" << y + h - 2 << "\" fill=\"#777\">no eligible permits"
              << (stock ? " (stock)" : "") << "</text>";
        }
    };
    auto row = [&](int i, const LineCoverage& l, const LineCoverage* stock, bool total) {
        const int y = top + i * row_h;
        o << "<g class=\"bar\" data-line=\"" << escape(l.line) << "\">"
          << "<text x=\"" << label_w - 8 << "\" y=\"" << y + (both ? 24 : 19) << "\" text-anchor=\"end\""
          << (total ? " font-weight=\"bold\"" : "") << ">" << escape(l.line) << "</text>";
        if (both) {
            bar(y + 4, 15, l, false);
            bar(y + 21, 15, *stock, true);
        } else {
            bar(y + 5, row_h - 10, l, false);
        }
        o << "</g>\n";
    };
    for (std::size_t i = 0; i < r.lines.size(); ++i) {
        row(static_cast<int>(i), r.lines[i], both ? &r.stock->lines[i] : nullptr, false);
    }
    row(static_cast<int>(r.lines.size()), r.total, both ? &r.stock->total : nullptr, true);
    const int target_x = label_w + bar_w;
    o << "<line id=\"target-line\" x1=\"" << target_x << "\" y1=\"" << top - 6 << "\" x2=\"" << target_x << "\" y2=\""
      << height - 10 << "\" stroke=\"#1b1b1b\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\n"
      << "</svg>\n<p class=\"note\">Bars: share of eligible permits under supervision"
      << (both ? "; upper bar the year's decisions (green when the target is met, else orange), lower bar the stock in"
                 " force in the year (blue)"
               : "; green: target met, orange: below target")
      << "; dashed line: the 100&#8239;% target.</p>\n";
}

void figures(std::ostringstream& o, const LineCoverage& l, bool sep) {
    o << "<td class=\"n" << (sep ? " sep" : "") << "\">" << l.eligible << "</td><td class=\"n\">" << l.covered
      << "</td><td class=\"n\">" << l.uncovered() << "</td><td class=\"n\">" << pct_text(l.coverage()) << "</td>";
}

void table_row(std::ostringstream& o, const LineCoverage& l, const LineCoverage* stock, bool total) {
    o << "<tr" << (total ? " class=\"total\"" : "") << " data-line=\"" << escape(l.line) << "\"><td>" << escape(l.line)
      << "</td>";
    figures(o, l, false);
    if (stock) {
        figures(o, *stock, true);
        o << "<td class=\"n\">" << lag_text(stock->lag(), true) << "</td><td class=\"n\">"
          << lag_text(stock->lag(), false) << "</td>";
    }
    o << "</tr>\n";
}

void coverage_table(std::ostringstream& o, const CoverageReport& r) {
    const bool both = r.stock != nullptr;
    const std::string cols =
        "<th class=\"n\">Eligible</th><th class=\"n\">Covered</th><th class=\"n\">Uncovered</th>"
        "<th class=\"n\">Coverage</th>";
    o << "<h2>Coverage per line</h2>\n<table id=\"coverage-table\">\n<thead>";
    if (both) {
        o << "<tr><th></th><th class=\"group\" colspan=\"4\">Decisions of " << r.year
          << "</th><th class=\"group sep\" colspan=\"6\">Stock in force in " << r.year << "</th></tr>";
    }
    o << "<tr><th>Coverage line</th>" << cols;
    if (both) {
        o << "<th class=\"n sep\">Eligible</th><th class=\"n\">Covered</th><th class=\"n\">Uncovered</th>"
          << "<th class=\"n\">Coverage</th><th class=\"n\">Lag median, days</th><th class=\"n\">Lag max, days</th>";
    }
    o << "</tr></thead>\n<tbody>\n";
    for (std::size_t i = 0; i < r.lines.size(); ++i)
        table_row(o, r.lines[i], both ? &r.stock->lines[i] : nullptr, false);
    table_row(o, r.total, both ? &r.stock->total : nullptr, true);
    o << "</tbody>\n<caption>" << escape(decisions_sentence(r.year));
    if (both) {
        o << " " << escape(stock_sentence(r.year))
          << " Enrolment lag: days from the first day a permit was valid under a line in force to its enrolment.";
    }
    o << " Each permit counts once, under its first matching line. –: no eligible (or no covered) permits.</caption>\n"
      << "</table>\n";
}

void permit_list(std::ostringstream& o, const std::vector<UncoveredPermit>& list, const std::string& id,
                 const std::string& what) {
    o << "<details" << (list.size() <= 50 ? " open" : "") << "><summary>" << what << ": all " << list.size()
      << " permits</summary>\n<table id=\"" << id << "\"><thead><tr><th>Permit</th><th>Line</th><th>Reason</th></tr>"
      << "</thead><tbody>\n";
    for (const auto& u : list) {
        o << "<tr><td class=\"k\">" << escape(u.permit_id) << "</td><td class=\"k\">" << escape(u.line) << "</td><td>"
          << escape(u.reason) << "</td></tr>\n";
    }
    o << "</tbody></table></details>\n";
}

void uncovered(std::ostringstream& o, const CoverageReport& r) {
    o << "<h2>Permits not covered</h2>\n";
    const bool both = r.stock != nullptr;
    if (r.uncovered.empty() && (!both || r.stock->uncovered.empty())) {
        o << "<p>None: every eligible permit is under supervision.</p>\n";
        return;
    }
    std::map<std::string, long long> by_reason, stock_by_reason;
    std::set<std::string> reasons;
    for (const auto& u : r.uncovered) ++by_reason[u.reason], reasons.insert(u.reason);
    if (both) {
        for (const auto& u : r.stock->uncovered) ++stock_by_reason[u.reason], reasons.insert(u.reason);
    }
    o << "<table id=\"reason-table\"><thead><tr><th>Reason</th><th class=\"n\">Decisions</th>"
      << (both ? "<th class=\"n\">Stock</th>" : "") << "</tr></thead><tbody>\n";
    for (const auto& reason : reasons) {
        o << "<tr><td>" << escape(reason) << "</td><td class=\"n\">" << by_reason[reason] << "</td>";
        if (both) o << "<td class=\"n\">" << stock_by_reason[reason] << "</td>";
        o << "</tr>\n";
    }
    o << "</tbody></table>\n";
    permit_list(o, r.uncovered, "uncovered-table", "Decisions of " + std::to_string(r.year));
    if (both)
        permit_list(o, r.stock->uncovered, "stock-uncovered-table", "Stock in force in " + std::to_string(r.year));
    o << "<p class=\"note\">Reasons, the first that applies: rejected as bad register data by the last run (with the"
      << " register's fault); validity not started by the last run; revoked or withdrawn before any run enrolled it;"
      << " no run while it was valid (in the stock view: no run on a day of the year when it was valid under a line in"
      << " force).</p>\n";
}

}  // namespace

std::string coverage_html(const CoverageReport& r) {
    std::ostringstream o;
    html::head(o, "Automated supervision coverage " + std::to_string(r.year));
    summary(o, r);
    chart(o, r);
    coverage_table(o, r);
    uncovered(o, r);
    if (r.forecast) {
        forecast_html(o, *r.forecast, false);
    } else {
        o << "<h2>Forecast</h2>\n<p>No forecast: no run has completed yet.</p>\n";
    }
    html::foot(o, r.last_run ? "Judged by run " + std::to_string(r.last_run->run_id) + " of " +
                                   rules::to_iso(r.last_run->as_of) + "."
                             : std::string("No run has completed yet."));
    return o.str();
}

}  // namespace supervision::reports
