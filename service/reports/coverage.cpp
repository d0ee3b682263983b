#include "reports/coverage.h"

#include "db/statement.h"

#include <algorithm>
#include <map>

namespace supervision::reports {

const char* view_name(CoverageView view) {
    return view == CoverageView::stock ? "stock" : "decisions";
}

std::optional<LagSummary> LineCoverage::lag() const {
    if (lag_days.empty()) return std::nullopt;
    std::vector<long long> sorted = lag_days;
    std::sort(sorted.begin(), sorted.end());
    const std::size_t n = sorted.size();
    // The median of an even count is the mean of the two middle lags (half a day at most).
    const double median = n % 2 == 1
                              ? static_cast<double>(sorted[n / 2])
                              : (static_cast<double>(sorted[n / 2 - 1]) + static_cast<double>(sorted[n / 2])) / 2.0;
    return LagSummary{median, sorted.back()};
}

CoverageReport coverage_report(ReportSession& session, int year, CoverageView view) {
    CoverageReport report;
    report.year = year;
    report.view = view;
    report.last_run = session.last_run();
    std::map<std::string, std::size_t> index;
    for (const auto& line : session.config().coverage_lines) {
        index[line.id] = report.lines.size();
        report.lines.push_back(LineCoverage{line.id});
    }
    const char* sql = view == CoverageView::stock ? "reports/coverage_stock.sql" : "reports/coverage.sql";
    for (const auto& row : db::exec_file(session.tx(), sql, year)) {
        auto& line = report.lines.at(index.at(row["line_id"].as<std::string>()));
        const bool covered = row["covered"].as<bool>();
        ++line.eligible;
        ++report.total.eligible;
        if (covered) {
            ++line.covered;
            ++report.total.covered;
            if (view == CoverageView::stock) {
                const auto lag = row["lag_days"].as<long long>();
                line.lag_days.push_back(lag);
                report.total.lag_days.push_back(lag);
            }
        } else {
            report.uncovered.push_back(
                UncoveredPermit{row["permit_id"].as<std::string>(), line.line, row["reason"].as<std::string>()});
        }
    }
    return report;
}

}  // namespace supervision::reports
