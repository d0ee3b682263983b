#include "reports/coverage.h"

#include "db/statement.h"

#include <map>

namespace supervision::reports {

CoverageReport coverage_report(ReportSession& session, int year) {
    CoverageReport report;
    report.year = year;
    report.last_run = session.last_run();
    std::map<std::string, std::size_t> index;
    for (const auto& line : session.config().coverage_lines) {
        index[line.id] = report.lines.size();
        report.lines.push_back(LineCoverage{line.id});
    }
    for (const auto& row : db::exec_file(session.tx(), "reports/coverage.sql", year)) {
        auto& line = report.lines.at(index.at(row["line_id"].as<std::string>()));
        const bool covered = row["covered"].as<bool>();
        ++line.eligible;
        ++report.total.eligible;
        if (covered) {
            ++line.covered;
            ++report.total.covered;
        } else {
            report.uncovered.push_back(UncoveredPermit{row["permit_id"].as<std::string>(), line.line,
                                                       row["reason"].as<std::string>()});
        }
    }
    return report;
}

}  // namespace supervision::reports
