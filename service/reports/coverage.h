#pragma once
// rules.md §9: the annual coverage compliance report (performance agreement indicator 5).
#include "reports/forecast.h"
#include "reports/percent.h"
#include "reports/report_session.h"

#include <optional>
#include <string>
#include <vector>

namespace supervision::reports {

struct LineCoverage {
    std::string line;  // a coverage line id; "total" for the total
    long long eligible = 0;
    long long covered = 0;
    long long uncovered() const { return eligible - covered; }
    std::optional<Percent> coverage() const { return Percent::of(covered, eligible); }
};

struct UncoveredPermit {
    std::string permit_id;
    std::string line;
    std::string reason;
};

struct CoverageReport {
    int year = 0;
    std::optional<LastRun> last_run;      // the run the reasons are judged by
    std::vector<LineCoverage> lines;      // every configured line, in configuration order
    LineCoverage total{"total"};
    std::vector<UncoveredPermit> uncovered;  // by line order, then permit_id
    std::optional<Forecast> forecast;     // for the HTML report
};

// The uncovered reasons, in the order rules.md §9 applies them ("rejected: …" first).
inline constexpr const char* kReasonNotStarted = "validity not started";
inline constexpr const char* kReasonRevoked = "revoked or withdrawn before enrolment";
inline constexpr const char* kReasonNoRun = "no run while valid";

CoverageReport coverage_report(ReportSession& session, int year);

}  // namespace supervision::reports
