#include "reports/coverage_format.h"

#include "reports/csv.h"

namespace supervision::reports {

namespace {

nlohmann::json line_json(const LineCoverage& l) {
    return {{"eligible", l.eligible},
            {"covered", l.covered},
            {"uncovered", l.uncovered()},
            {"coverage_pct", to_json(l.coverage())}};
}

std::vector<CsvCell> line_fields(const char* kind, const LineCoverage& l) {
    const auto pct = l.coverage();
    return {kind,
            l.line,
            CsvCell::number(l.eligible),
            CsvCell::number(l.covered),
            CsvCell::number(l.uncovered()),
            CsvCell::number(pct ? pct->text() : ""),
            "",
            ""};
}

}  // namespace

nlohmann::json coverage_json(const CoverageReport& r) {
    nlohmann::json j;
    j["year"] = r.year;
    j["target_pct"] = 100.0;
    j["judged_by_run"] =
        r.last_run ? nlohmann::json{{"run_id", r.last_run->run_id}, {"as_of", rules::to_iso(r.last_run->as_of)}}
                   : nlohmann::json();
    j["lines"] = nlohmann::json::array();
    for (const auto& l : r.lines) {
        auto line = line_json(l);
        line["line"] = l.line;
        j["lines"].push_back(line);
    }
    j["total"] = line_json(r.total);
    j["uncovered"] = nlohmann::json::array();
    for (const auto& u : r.uncovered) {
        j["uncovered"].push_back({{"permit_id", u.permit_id}, {"line", u.line}, {"reason", u.reason}});
    }
    return j;
}

std::string coverage_csv(const CoverageReport& r) {
    std::string out =
        csv_record({"kind", "line", "eligible", "covered", "uncovered", "coverage_pct", "permit_id", "reason"});
    for (const auto& l : r.lines) out += csv_record(line_fields("line", l));
    out += csv_record(line_fields("total", r.total));
    for (const auto& u : r.uncovered) out += csv_record({"uncovered", u.line, "", "", "", "", u.permit_id, u.reason});
    return out;
}

}  // namespace supervision::reports
