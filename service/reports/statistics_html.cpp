// The statistics as one self-contained HTML page: the cohorts by grant year (an immature
// cohort is marked and its share left out of the comparison), what each signal type led to
// per basis, the observed precision, and the forecast with its alarms and staffing. With
// `publish`, small cells are suppressed as in the CSV.
#include "reports/forecast_format.h"
#include "reports/html.h"
#include "reports/statistics_format.h"
#include "reports/suppression.h"

#include <sstream>

namespace supervision::reports {

namespace {

using html::escape;

// "<5" when published: escaped like any text.
std::string n(long long v, bool publish) {
    return escape(count_text(v, publish));
}

std::string share(const std::optional<Percent>& p, std::initializer_list<long long> from, bool publish) {
    const auto t = share_text(p, from, publish);
    return t.empty() ? "–" : t + "&#8239;%";
}

void cohorts(std::ostringstream& o, const Statistics& s, bool publish) {
    o << "<h2>Cohorts by grant year</h2>\n<table id=\"cohort-table\"><thead><tr>"
      << (s.all_bases ? "<th>Basis</th>" : "")
      << "<th>Grant year</th><th>Sequence</th><th class=\"n\">Granted</th><th class=\"n\">Enrolled</th>"
      << "<th class=\"n\">With a signal</th><th class=\"n\">With a review</th><th class=\"n\">Share with a review</th>"
      << "<th class=\"n\">Revoked</th><th class=\"n\">No action</th><th class=\"n\">Open</th><th>Maturity</th>"
      << "</tr></thead><tbody>\n";
    for (const auto& c : s.rows) {
        o << "<tr" << (c.mature ? "" : " class=\"immature\"") << ">"
          << (s.all_bases ? "<td>" + escape(c.basis) + "</td>" : "") << "<td class=\"k\">" << c.grant_year
          << "</td><td>" << escape(c.sequence) << "</td><td class=\"n\">" << n(c.granted, publish)
          << "</td><td class=\"n\">" << n(c.enrolled, publish) << "</td><td class=\"n\">" << n(c.with_signal, publish)
          << "</td><td class=\"n\">" << n(c.with_review, publish) << "</td><td class=\"n\">"
          << (c.mature ? share(c.review_share, {c.with_review}, publish) : std::string("not compared"))
          << "</td><td class=\"n\">" << n(c.revoked, publish) << "</td><td class=\"n\">" << n(c.no_action, publish)
          << "</td><td class=\"n\">" << n(c.open, publish) << "</td><td>" << (c.mature ? "mature" : "immature")
          << "</td></tr>\n";
    }
    o << "</tbody><caption>Grant year: the year of the decision. A cohort is mature when its grant year ended at least"
      << " 12 months before the last run";
    if (s.last_run) o << " (" << rules::to_iso(s.last_run->as_of) << ")";
    o << ": its permits have had a year of evaluation. An immature cohort is shown but its share is not compared with"
      << " the others: its reviews are still to come.";
    if (publish) o << " &lt;5: a count from 1 to 4, suppressed.";
    o << "</caption></table>\n";
}

void precision_cells(std::ostringstream& o, const PrecisionRow& p, bool publish) {
    o << "<td class=\"n\">" << n(p.reviews, publish) << "</td><td class=\"n\">" << n(p.revoked, publish)
      << "</td><td class=\"n\">" << n(p.no_action, publish) << "</td><td class=\"n\">" << n(p.open, publish)
      << "</td><td class=\"n\">" << share(p.precision, {p.revoked, p.no_action}, publish) << "</td>";
}

void signal_types(std::ostringstream& o, const Statistics& s, bool publish) {
    o << "<h2>Signal types per basis</h2>\n<table id=\"signal-type-table\"><thead><tr><th>Basis</th><th>Signal "
         "type</th>"
      << "<th class=\"n\">Permits</th><th class=\"n\">Signals</th><th class=\"n\">Reviews</th><th class=\"n\">Revoked"
      << "</th><th class=\"n\">No action</th><th class=\"n\">Open</th><th class=\"n\">Precision</th></tr></thead>"
      << "<tbody>\n";
    for (const auto& t : s.signal_types) {
        o << "<tr><td>" << escape(t.basis) << "</td><td>" << escape(t.signal_type) << "</td><td class=\"n\">"
          << n(t.permits, publish) << "</td><td class=\"n\">" << n(t.signals, publish) << "</td>";
        precision_cells(o, t.reviews, publish);
        o << "</tr>\n";
    }
    o << "</tbody><caption>Permits: with at least one signal of the type. Reviews: with a signal of the type linked (a"
      << " review counts under every type it had); revoked and no action by outcome, open including hearings."
      << " Precision: revoked of the closed reviews.</caption></table>\n";
}

void precision(std::ostringstream& o, const Statistics& s, bool publish) {
    if (s.basis) return;  // one basis: the signal-type table says it
    o << "<h2>Observed precision per signal type, every basis</h2>\n<table id=\"precision-table\"><thead><tr>"
      << "<th>Signal type</th><th class=\"n\">Reviews</th><th class=\"n\">Revoked</th><th class=\"n\">No action</th>"
      << "<th class=\"n\">Open</th><th class=\"n\">Precision</th></tr></thead><tbody>\n";
    for (const auto& p : s.precision) {
        o << "<tr><td>" << escape(p.signal_type) << "</td>";
        precision_cells(o, p, publish);
        o << "</tr>\n";
    }
    o << "</tbody></table>\n";
}

}  // namespace

std::string statistics_html(const Statistics& s, bool publish) {
    std::ostringstream o;
    const std::string title = s.basis ? "Supervision statistics: " + *s.basis : std::string("Supervision statistics");
    html::head(o, title);
    o << "<h1>" << escape(title) << "</h1>\n<p class=\"note\">Residence permits by basis, grant year and sequence, and"
      << " what automated supervision did with them" << (publish ? "; published: small cells suppressed" : "")
      << ". No person is named.</p>\n";
    cohorts(o, s, publish);
    signal_types(o, s, publish);
    precision(o, s, publish);
    if (s.forecast) {
        forecast_html(o, *s.forecast, publish);
    } else {
        o << "<h2>Forecast</h2>\n<p>No forecast: no run has completed yet.</p>\n";
    }
    html::foot(o, s.last_run ? "Judged by run " + std::to_string(s.last_run->run_id) + " of " +
                                   rules::to_iso(s.last_run->as_of) + "."
                             : std::string("No run has completed yet."));
    return o.str();
}

}  // namespace supervision::reports
