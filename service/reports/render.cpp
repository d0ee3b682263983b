#include "reports/render.h"

#include "errors.h"
#include "io/replace_file.h"
#include "reports/coverage_format.h"
#include "reports/statistics_format.h"

#include <iostream>

namespace supervision::reports {

namespace {

std::string render_coverage(ReportSession& session, const Request& r) {
    auto report = coverage_report(session, r.year);
    if (r.format == "json") return coverage_json(report).dump(2) + "\n";
    if (r.format == "csv") return coverage_csv(report);
    if (r.format == "html") {
        report.forecast = forecast(session);
        return coverage_html(report);
    }
    throw UsageError("--format " + r.format + ": the coverage report is json, csv or html");
}

std::string render_statistics(const Statistics& s, const Request& r) {
    if (r.format == "json") return statistics_json(s, r.publish).dump(2) + "\n";
    if (r.format == "csv") return statistics_csv(s, r.publish, r.table);
    throw UsageError("--format " + r.format + ": the statistics reports are json or csv");
}

}  // namespace

std::string render_report(pqxx::connection& conn, const config::Config& config, const std::string& which,
                          const Request& request) {
    ReportSession session(conn, config);
    if (which == "coverage") return render_coverage(session, request);
    if (which == "growth-entrepreneurs") return render_statistics(growth_entrepreneur_statistics(session), request);
    if (which == "statistics") return render_statistics(general_statistics(session), request);
    throw UsageError("unknown report '" + which + "'; see supervision report --help");
}

void write_report(const std::string& text, const std::optional<std::string>& out) {
    if (!out) {
        std::cout << text << std::flush;
        return;
    }
    try {
        io::replace_file(*out, text);
    } catch (const io::WriteFailure& e) {
        throw UsageError(std::string("--out ") + e.what() + "; name a file in a writable folder");
    }
}

}  // namespace supervision::reports
