#include "reports/coverage_format.h"

#include "reports/csv.h"

#include <cmath>
#include <cstdio>

namespace supervision::reports {

namespace {

// A median is a whole number of days or a half: written as it is (3, 3.5).
nlohmann::json days_json(double days) {
    if (days == std::floor(days)) return static_cast<long long>(days);
    return days;
}

std::string days_text(double days) {
    if (days == std::floor(days)) return std::to_string(static_cast<long long>(days));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", days);
    return buf;
}

nlohmann::json line_json(const LineCoverage& l, CoverageView view) {
    nlohmann::json j{{"eligible", l.eligible},
                     {"covered", l.covered},
                     {"uncovered", l.uncovered()},
                     {"coverage_pct", to_json(l.coverage())}};
    if (view == CoverageView::stock) {
        const auto lag = l.lag();
        j["enrolment_lag_days"] =
            lag ? nlohmann::json{{"median", days_json(lag->median)}, {"max", lag->max}} : nlohmann::json();
    }
    return j;
}

std::vector<CsvCell> line_fields(const char* kind, const LineCoverage& l, CoverageView view) {
    const auto pct = l.coverage();
    std::vector<CsvCell> f{kind,
                           l.line,
                           CsvCell::number(l.eligible),
                           CsvCell::number(l.covered),
                           CsvCell::number(l.uncovered()),
                           CsvCell::number(pct ? pct->text() : ""),
                           "",
                           ""};
    if (view == CoverageView::stock) {
        const auto lag = l.lag();
        f.push_back(CsvCell::number(lag ? days_text(lag->median) : ""));
        f.push_back(CsvCell::number(lag ? std::to_string(lag->max) : ""));
    }
    return f;
}

}  // namespace

nlohmann::json coverage_json(const CoverageReport& r) {
    nlohmann::json j;
    j["year"] = r.year;
    if (r.view == CoverageView::stock) j["view"] = view_name(r.view);
    j["target_pct"] = 100.0;
    j["judged_by_run"] =
        r.last_run ? nlohmann::json{{"run_id", r.last_run->run_id}, {"as_of", rules::to_iso(r.last_run->as_of)}}
                   : nlohmann::json();
    j["lines"] = nlohmann::json::array();
    for (const auto& l : r.lines) {
        auto line = line_json(l, r.view);
        line["line"] = l.line;
        j["lines"].push_back(line);
    }
    j["total"] = line_json(r.total, r.view);
    j["uncovered"] = nlohmann::json::array();
    for (const auto& u : r.uncovered) {
        j["uncovered"].push_back({{"permit_id", u.permit_id}, {"line", u.line}, {"reason", u.reason}});
    }
    return j;
}

std::string coverage_csv(const CoverageReport& r) {
    std::vector<CsvCell> header{"kind",      "line",         "eligible",  "covered",
                                "uncovered", "coverage_pct", "permit_id", "reason"};
    if (r.view == CoverageView::stock) {
        header.emplace_back("enrolment_lag_median_days");
        header.emplace_back("enrolment_lag_max_days");
    }
    std::string out = csv_record(header);
    for (const auto& l : r.lines) out += csv_record(line_fields("line", l, r.view));
    out += csv_record(line_fields("total", r.total, r.view));
    for (const auto& u : r.uncovered) {
        std::vector<CsvCell> f{"uncovered", u.line, "", "", "", "", u.permit_id, u.reason};
        if (r.view == CoverageView::stock) f.insert(f.end(), {"", ""});
        out += csv_record(f);
    }
    return out;
}

}  // namespace supervision::reports
