// rules.md §9, the annual coverage compliance report: every figure of the hand-made
// registers of coverage_fixture.h, worked out by hand, in every format.
#include "db/reports/coverage_fixture.h"
#include "reports/coverage_format.h"
#include "reports/report_session.h"
#include "support/test_database.h"

#include <nlohmann/json.hpp>

namespace supervision::test {
namespace {

using reports::CoverageReport;

class CoverageReportTest : public DbTest {
protected:
    CoverageReport report(int year, const config::Config& cfg = default_config()) {
        reports::ReportSession session(conn(), cfg);
        return reports::coverage_report(session, year);
    }
    static const reports::LineCoverage& line(const CoverageReport& r, const std::string& id) {
        for (const auto& l : r.lines) {
            if (l.line == id) return l;
        }
        throw std::logic_error("no line " + id);
    }
};

TEST_F(CoverageReportTest, EveryLineAndTheTotalByHand) {
    load_coverage_registers(conn());
    run_coverage_history(conn());
    const auto r = report(2025);
    // specialist-extended: C-1, C-3 covered; U-NORUN, U-NOTSTARTED, U-REVOKED not: 2 of 5 = 40.0 %.
    EXPECT_EQ(line(r, "specialist-extended").eligible, 5);
    EXPECT_EQ(line(r, "specialist-extended").covered, 2);
    EXPECT_EQ(line(r, "specialist-extended").uncovered(), 3);
    EXPECT_EQ(line(r, "specialist-extended").coverage()->text(), "40.0");
    // specialist-first: C-2, 1 of 1 = 100.0 %; employed-first: E-1, 1 of 1.
    EXPECT_EQ(line(r, "specialist-first").coverage()->text(), "100.0");
    EXPECT_EQ(line(r, "employed-first").eligible, 1);
    EXPECT_EQ(line(r, "employed-first").coverage()->text(), "100.0");
    // growth-first: U-REJECTED, 0 of 1 = 0.0 %; employed-extended: E-EDGE-IN only, 0 of 1.
    EXPECT_EQ(line(r, "growth-first").coverage()->text(), "0.0");
    EXPECT_EQ(line(r, "employed-extended").eligible, 1);
    EXPECT_EQ(line(r, "employed-extended").coverage()->text(), "0.0");
    // No eligible permit: no percentage (null), not 0 %.
    for (const char* id : {"students-first", "growth-extended", "self-employed-extended", "self-employed-first",
                           "other-work-extended", "other-work-first"}) {
        EXPECT_EQ(line(r, id).eligible, 0) << id;
        EXPECT_FALSE(line(r, id).coverage().has_value()) << id;
    }
    // Total: 5 + 1 + 1 + 1 + 1 = 9 eligible, 2 + 1 + 1 = 4 covered, 5 uncovered;
    // 100 × 4 / 9 = 44.44… → 44.4 %.
    EXPECT_EQ(r.total.eligible, 9);
    EXPECT_EQ(r.total.covered, 4);
    EXPECT_EQ(r.total.uncovered(), 5);
    EXPECT_EQ(r.total.coverage()->text(), "44.4");
    // The lines are listed in configuration order, all eleven.
    ASSERT_EQ(r.lines.size(), 11u);
    EXPECT_EQ(r.lines.front().line, "students-first");
    EXPECT_EQ(r.lines.back().line, "other-work-first");
}

TEST_F(CoverageReportTest, EachUncoveredPermitHasItsFirstReason) {
    load_coverage_registers(conn());
    run_coverage_history(conn());
    const auto r = report(2025);
    std::vector<std::string> got;
    for (const auto& u : r.uncovered) got.push_back(u.permit_id + " | " + u.line + " | " + u.reason);
    // By line order (growth-first 3rd, specialist-extended 4th, employed-extended 6th), then permit_id.
    EXPECT_EQ(got, (std::vector<std::string>{
                       "U-REJECTED | growth-first | rejected: entrepreneur permit without company_id; "
                       "negative required_monthly_income",
                       "U-NORUN | specialist-extended | no run while valid",
                       "U-NOTSTARTED | specialist-extended | validity not started",
                       "U-REVOKED | specialist-extended | revoked or withdrawn before enrolment",
                       "E-EDGE-IN | employed-extended | no run while valid",
                   }));
}

TEST_F(CoverageReportTest, RejectionComesBeforeTheOtherReasonsAndIsJudgedByTheLastCompletedRun) {
    load_coverage_registers(conn());
    // U-NOTSTARTED is rejected too (negative required income) by both runs.
    exec(conn(), "UPDATE registry.permit SET required_monthly_income = -5 WHERE permit_id = 'U-NOTSTARTED'");
    run_coverage_history(conn());
    // Fixed in the register after the last run: the report still goes by that run.
    exec(conn(), "UPDATE registry.permit SET required_monthly_income = NULL WHERE permit_id = 'U-NOTSTARTED'");
    const auto r = report(2025);
    bool seen = false;
    for (const auto& u : r.uncovered) {
        if (u.permit_id == "U-NOTSTARTED") {
            EXPECT_EQ(u.reason, "rejected: negative required_monthly_income");
            seen = true;
        }
    }
    EXPECT_TRUE(seen);
    // A dry run is no completed run: nothing changes.
    run_on(conn(), "2025-09-02", true);
    for (const auto& u : report(2025).uncovered) {
        if (u.permit_id == "U-NOTSTARTED") EXPECT_EQ(u.reason, "rejected: negative required_monthly_income");
    }
    // The next run clears the rejection: validity not started (10-01 is after 09-03).
    run_on(conn(), "2025-09-03");
    for (const auto& u : report(2025).uncovered) {
        if (u.permit_id == "U-NOTSTARTED") EXPECT_EQ(u.reason, "validity not started");
    }
}

TEST_F(CoverageReportTest, BeforeAnyRunNothingIsCoveredAndValidityNotStartedNeedsARun) {
    load_coverage_registers(conn());
    const auto r = report(2025);
    EXPECT_EQ(r.total.eligible, 9);
    EXPECT_EQ(r.total.covered, 0);
    EXPECT_EQ(r.total.coverage()->text(), "0.0");
    EXPECT_FALSE(r.last_run.has_value());
    long long no_run = 0, revoked = 0;
    for (const auto& u : r.uncovered) {
        no_run += u.reason == "no run while valid";
        revoked += u.reason == "revoked or withdrawn before enrolment";
    }
    // Not rejected (no run has judged it): C-3 and U-REVOKED are revoked, the other 7 had no run.
    EXPECT_EQ(revoked, 2);
    EXPECT_EQ(no_run, 7);
}

TEST_F(CoverageReportTest, AnotherYearCountsOnlyItsDecisions) {
    load_coverage_registers(conn());
    run_coverage_history(conn());
    const auto r = report(2024);
    // N-2024, decided 31.12.2024, enrolled on 2025-08-01: 1 of 1.
    EXPECT_EQ(r.total.eligible, 1);
    EXPECT_EQ(r.total.covered, 1);
    EXPECT_EQ(line(r, "specialist-extended").coverage()->text(), "100.0");
    EXPECT_TRUE(r.uncovered.empty());
}

TEST_F(CoverageReportTest, APermitCountsOnceUnderItsFirstMatchingLine) {
    load_coverage_registers(conn());
    run_coverage_history(conn());
    // A line placed first that takes every extended specialist permit valid at least 1 month.
    const auto cfg =
        config_replacing("coverage_lines:\n",
                         "coverage_lines:\n  - id: all-specialists\n    effective_from: 2024-01-01\n"
                         "    bases: [specialist]\n    sequence: extended\n"
                         "    validity: {at_least_months: 1}\n    scope: {decision_date_on_or_after: 2024-01-01}\n");
    const auto r = report(2025, cfg);
    // The 5 of specialist-extended and N-SHORT (5 months ≥ 1) are all under all-specialists.
    EXPECT_EQ(line(r, "all-specialists").eligible, 6);
    EXPECT_EQ(line(r, "all-specialists").covered, 2);
    EXPECT_EQ(line(r, "specialist-extended").eligible, 0);
    // 100 × 2 / 6 = 33.33… → 33.3; total 10 eligible, 4 covered → 40.0.
    EXPECT_EQ(line(r, "all-specialists").coverage()->text(), "33.3");
    EXPECT_EQ(r.total.eligible, 10);
    EXPECT_EQ(r.total.coverage()->text(), "40.0");
}

TEST_F(CoverageReportTest, JsonHasTheContractsKeys) {
    load_coverage_registers(conn());
    run_coverage_history(conn());
    const auto j = reports::coverage_json(report(2025));
    EXPECT_EQ(j["year"], 2025);
    EXPECT_EQ(j["total"],
              nlohmann::json::parse(R"({"eligible": 9, "covered": 4, "uncovered": 5, "coverage_pct": 44.4})"));
    EXPECT_EQ(j["lines"][3], nlohmann::json::parse(R"({"line": "specialist-extended", "eligible": 5, "covered": 2,
                                                      "uncovered": 3, "coverage_pct": 40.0})"));
    EXPECT_TRUE(j["lines"][0]["coverage_pct"].is_null());
    EXPECT_EQ(j["uncovered"][1],
              nlohmann::json::parse(
                  R"({"permit_id": "U-NORUN", "line": "specialist-extended", "reason": "no run while valid"})"));
    EXPECT_EQ(j["judged_by_run"]["as_of"], "2025-09-01");
}

TEST_F(CoverageReportTest, CsvIsOneTableWithAHeader) {
    load_coverage_registers(conn());
    run_coverage_history(conn());
    const auto csv = reports::coverage_csv(report(2025));
    EXPECT_EQ(csv.substr(0, csv.find("\r\n")), "kind,line,eligible,covered,uncovered,coverage_pct,permit_id,reason");
    EXPECT_NE(csv.find("\r\nline,students-first,0,0,0,,,\r\n"), std::string::npos);
    EXPECT_NE(csv.find("\r\nline,specialist-extended,5,2,3,40.0,,\r\n"), std::string::npos);
    EXPECT_NE(csv.find("\r\ntotal,total,9,4,5,44.4,,\r\n"), std::string::npos);
    // The two reasons hold "; " only, no comma: unquoted.
    EXPECT_NE(csv.find("\r\nuncovered,growth-first,,,,,U-REJECTED,rejected: entrepreneur permit without company_id; "
                       "negative required_monthly_income\r\n"),
              std::string::npos);
    // 1 header + 11 lines + total + 5 uncovered.
    EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 18);
}

TEST_F(CoverageReportTest, HtmlIsSelfContainedAndShowsTheFigures) {
    load_coverage_registers(conn());
    run_coverage_history(conn());
    auto r = report(2025);
    const auto html = reports::coverage_html(r);
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("src="), std::string::npos);
    EXPECT_EQ(html.find("<link"), std::string::npos);
    EXPECT_NE(html.find("id=\"total-coverage\">44.4"), std::string::npos);
    EXPECT_NE(html.find("<svg id=\"coverage-chart\""), std::string::npos);
    // Bar width: 460 px × 40.0 % = 184 px.
    EXPECT_NE(html.find("width=\"184\""), std::string::npos);
    EXPECT_NE(html.find("no run while valid</td><td class=\"n\">2</td>"), std::string::npos);
}

}  // namespace
}  // namespace supervision::test
