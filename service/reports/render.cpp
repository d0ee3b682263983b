#include "reports/render.h"

#include "errors.h"
#include "io/replace_file.h"
#include "reports/coverage_format.h"
#include "reports/forecast_format.h"
#include "reports/statistics_format.h"
#include "run/metrics.h"

#include <spdlog/spdlog.h>

#include <iostream>

namespace supervision::reports {

namespace {

std::string render_coverage(ReportSession& session, const Request& r) {
    const auto view = r.view == "stock" ? CoverageView::stock : CoverageView::decisions;
    if (r.format == "html") {
        // The page shows both views side by side, whichever --view names.
        auto report = coverage_report(session, r.year, CoverageView::decisions);
        report.stock = std::make_shared<const CoverageReport>(coverage_report(session, r.year, CoverageView::stock));
        report.forecast = forecast(session);
        return coverage_html(report);
    }
    const auto report = coverage_report(session, r.year, view);
    if (r.format == "json") return coverage_json(report).dump(2) + "\n";
    if (r.format == "csv") return coverage_csv(report);
    throw UsageError("--format " + r.format + ": the coverage report is json, csv or html");
}

std::string render_statistics(const Statistics& s, const Request& r) {
    if (r.format == "json") return statistics_json(s, r.publish).dump(2) + "\n";
    if (r.format == "csv") return statistics_csv(s, r.publish, r.table);
    if (r.format == "html" && s.all_bases) return statistics_html(s, r.publish);
    throw UsageError("--format " + r.format +
                     ": the growth-entrepreneur product is json or csv; "
                     "`report statistics` is json, csv or html");
}

// The forecast's metrics beside the report; a file that cannot be written is a bad
// command line (exit 2), as for --out.
void write_forecast_metrics(const Statistics& s, const std::string& path) {
    try {
        run::write_metrics_file(path, forecast_metrics_text(s.forecast));
    } catch (const std::exception& e) {
        throw UsageError(std::string("--metrics-file: ") + e.what() + "; name a file in a writable folder");
    }
    spdlog::debug("forecast metrics written to {}", path);
}

}  // namespace

std::string render_report(pqxx::connection& conn, const config::Config& config, const std::string& which,
                          const Request& request) {
    ReportSession session(conn, config);
    if (which == "coverage") return render_coverage(session, request);
    if (which == "growth-entrepreneurs") return render_statistics(growth_entrepreneur_statistics(session), request);
    if (which == "statistics") {
        if (request.publish && request.table == "forecast") {
            throw UsageError(
                "--table forecast: a published export carries no forecast (it reads the registers); "
                "run without --publish");
        }
        if (request.publish && request.metrics_file) {
            throw UsageError(
                "--metrics-file writes the forecast, which a published export does not carry; run "
                "without --publish");
        }
        const bool forecast = !request.publish;
        const auto s =
            request.basis ? basis_statistics(session, *request.basis, forecast) : general_statistics(session, forecast);
        auto text = render_statistics(s, request);
        if (request.metrics_file) write_forecast_metrics(s, *request.metrics_file);
        return text;
    }
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
