#pragma once
// rules.md §9: the annual coverage compliance report (performance agreement indicator 5),
// in its two views: each year's decisions once, and the stock in force in the year.
#include "reports/forecast.h"
#include "reports/percent.h"
#include "reports/report_session.h"

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace supervision::reports {

// What a year's eligible permits are (rules.md §9): the permits decided in the year
// (decisions), or the permits in force in the year that a line in force named (stock).
enum class CoverageView { decisions, stock };

// "decisions" or "stock"; the view's name on the command line and in the JSON.
const char* view_name(CoverageView view);

// Median and maximum of the covered permits' enrolment lags, in days (stock view).
struct LagSummary {
    double median = 0;
    long long max = 0;
};

struct LineCoverage {
    LineCoverage() = default;
    explicit LineCoverage(std::string id) : line(std::move(id)) {}

    std::string line;  // a coverage line id; "total" for the total
    long long eligible = 0;
    long long covered = 0;
    std::vector<long long> lag_days;  // stock view: one per covered permit; decisions view: none
    long long uncovered() const { return eligible - covered; }
    std::optional<Percent> coverage() const { return Percent::of(covered, eligible); }
    // nullopt when no permit is covered (or in the decisions view, which has no lags).
    std::optional<LagSummary> lag() const;
};

struct UncoveredPermit {
    std::string permit_id;
    std::string line;
    std::string reason;
};

struct CoverageReport {
    int year = 0;
    CoverageView view = CoverageView::decisions;
    std::optional<LastRun> last_run;  // the run the reasons are judged by
    std::vector<LineCoverage> lines;  // every configured line, in configuration order
    LineCoverage total{"total"};
    std::vector<UncoveredPermit> uncovered;  // by line order, then permit_id
    std::optional<Forecast> forecast;        // for the HTML report
    // For the HTML report, which shows the two views side by side: the stock view of the
    // same year beside this decisions view; null where only one view was made.
    std::shared_ptr<const CoverageReport> stock;
};

// The uncovered reasons, in the order rules.md §9 applies them ("rejected: …" first).
inline constexpr const char* kReasonNotStarted = "validity not started";
inline constexpr const char* kReasonRevoked = "revoked or withdrawn before enrolment";
inline constexpr const char* kReasonNoRun = "no run while valid";

CoverageReport coverage_report(ReportSession& session, int year, CoverageView view = CoverageView::decisions);

}  // namespace supervision::reports
