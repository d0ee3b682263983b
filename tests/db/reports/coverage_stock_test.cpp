// rules.md §9, the stock view of the coverage report: the permits in force in the year
// that a line in force named, whatever their decision year; covered when enrolled by their
// last such day of the year; the enrolment lag from their first such day. Every figure of a
// hand-made history worked out by hand; every edge day: the day a line comes into force,
// the year's ends, a death and a revocation on the day, the leap day, the last run's as_of.
#include "db/reports/outcome_rows.h"
#include "reports/coverage_format.h"
#include "reports/report_session.h"
#include "support/registry_builder.h"
#include "support/run_helpers.h"
#include "support/test_database.h"

#include <nlohmann/json.hpp>

namespace supervision::test {
namespace {

using reports::CoverageReport;
using reports::CoverageView;

// Runs on 2023-09-28 (students-first comes into force), 2023-10-19, 2023-11-09, 2024-01-04,
// 2024-02-29 and 2024-06-17 (the specialist lines come into force; the last run).
//
// permit           line / validity                              status / note                 enrolled
// S-2022           students-first 2022-09-01..2024-08-31         decided 2022-08-01             2023-09-28
// S-DIED           students-first 2023-10-01..2024-09-30         holder deceased 2023-10-15     never (valid 14 days)
// S-REVOKED        students-first 2023-10-01..2024-09-30         revoked 2023-10-15             never (valid 14 days)
// S-LATER          students-first 2023-11-01..2024-10-31                                       2023-11-09 (lag 8)
// S-DEC            students-first 2023-12-20..2024-12-19                                       2024-01-04 (lag 15)
// S-YE-END         students-first 2023-06-01..2023-12-31                                       2023-09-28
// S-BEFORE-LINE    students-first 2023-03-27..2023-09-27         ends the day before the line   never
// S-ON-LINE-DAY    students-first 2023-03-28..2023-09-28         valid on the line's first day  2023-09-28
// S-NEVER          students-first 2023-10-01..2024-09-30         withdrawn 2023-10-01           never
// S-YE-START       students-first 2024-01-01..2024-12-31                                       2024-01-04 (lag 3)
// S-LEAP           students-first 2024-02-29..2024-08-28         exactly 6 months               2024-02-29
// S-LEAP-SHORT     (student first) 2024-02-29..2024-08-27        one day short of 6 months      never
// S-AS-OF          students-first 2024-06-17..2025-06-16         valid from the last run's day  2024-06-17
// S-AFTER          students-first 2024-06-18..2025-06-17         valid after the last run       never
// SP-1             specialist-extended 2023-04-01..2025-03-31    decided 2023                   2024-06-17
// BC-1             specialist-first (EU Blue Card) 2023-06-01..2025-06-30                       2024-06-17
// G-REJ            growth-first 2024-03-15..2025-06-30           no company_id: rejected        never
void load_stock_history(pqxx::connection& c) {
    set_all_sources(c, "2024-06-16");
    permit_of(c, "S-2022", "student", "first", "2022-08-01", "2022-09-01", "2024-08-31");
    permit_of(c, "S-DIED", "student", "first", "2023-09-15", "2023-10-01", "2024-09-30");
    insert(c, event("EV-DIED", "deceased", "2023-10-15", "PERSON-S-DIED"));
    permit_of(c, "S-REVOKED", "student", "first", "2023-09-15", "2023-10-01", "2024-09-30", "revoked",
              std::string("2023-10-15"));
    permit_of(c, "S-LATER", "student", "first", "2023-10-20", "2023-11-01", "2024-10-31");
    permit_of(c, "S-DEC", "student", "first", "2023-12-01", "2023-12-20", "2024-12-19");
    permit_of(c, "S-YE-END", "student", "first", "2023-05-01", "2023-06-01", "2023-12-31");
    permit_of(c, "S-BEFORE-LINE", "student", "first", "2023-03-01", "2023-03-27", "2023-09-27");
    permit_of(c, "S-ON-LINE-DAY", "student", "first", "2023-03-01", "2023-03-28", "2023-09-28");
    permit_of(c, "S-NEVER", "student", "first", "2023-09-01", "2023-10-01", "2024-09-30", "withdrawn",
              std::string("2023-10-01"));
    permit_of(c, "S-YE-START", "student", "first", "2023-12-01", "2024-01-01", "2024-12-31");
    permit_of(c, "S-LEAP", "student", "first", "2024-01-15", "2024-02-29", "2024-08-28");
    permit_of(c, "S-LEAP-SHORT", "student", "first", "2024-01-15", "2024-02-29", "2024-08-27");
    permit_of(c, "S-AS-OF", "student", "first", "2024-06-01", "2024-06-17", "2025-06-16");
    permit_of(c, "S-AFTER", "student", "first", "2024-06-01", "2024-06-18", "2025-06-17");
    permit_of(c, "SP-1", "specialist", "extended", "2023-03-01", "2023-04-01", "2025-03-31");
    permit_of(c, "BC-1", "eu_blue_card", "first", "2023-05-01", "2023-06-01", "2025-06-30");
    permit_of(c, "G-REJ", "growth_entrepreneur", "first", "2024-03-01", "2024-03-15", "2025-06-30");
    exec(c, "UPDATE registry.permit SET company_id = NULL WHERE permit_id = 'G-REJ'");
}

void run_stock_history(pqxx::connection& c) {
    for (const char* day : {"2023-09-28", "2023-10-19", "2023-11-09", "2024-01-04", "2024-02-29", "2024-06-17"}) {
        run_on(c, day);
    }
}

class CoverageStockTest : public DbTest {
protected:
    CoverageReport report(int year, CoverageView view = CoverageView::stock) {
        reports::ReportSession session(conn(), default_config());
        return reports::coverage_report(session, year, view);
    }
    static const reports::LineCoverage& line(const CoverageReport& r, const std::string& id) {
        for (const auto& l : r.lines) {
            if (l.line == id) return l;
        }
        throw std::logic_error("no line " + id);
    }
    static std::vector<std::string> uncovered(const CoverageReport& r) {
        std::vector<std::string> out;
        for (const auto& u : r.uncovered) out.push_back(u.permit_id + " | " + u.line + " | " + u.reason);
        return out;
    }
};

TEST_F(CoverageStockTest, TheHistoryEnrolsWhatTheTableSays) {
    load_stock_history(conn());
    run_stock_history(conn());
    EXPECT_EQ(scalar("SELECT string_agg(permit_id || '@' || enrolled_on, ' ' ORDER BY permit_id) "
                     "FROM supervision.supervised_permit"),
              "BC-1@2024-06-17 S-2022@2023-09-28 S-AS-OF@2024-06-17 S-DEC@2024-01-04 S-LATER@2023-11-09 "
              "S-LEAP@2024-02-29 S-ON-LINE-DAY@2023-09-28 S-YE-END@2023-09-28 S-YE-START@2024-01-04 SP-1@2024-06-17");
}

TEST_F(CoverageStockTest, TheStockOf2023ByHand) {
    load_stock_history(conn());
    run_stock_history(conn());
    const auto r = report(2023);
    EXPECT_EQ(r.view, CoverageView::stock);
    // Eligible in 2023 (students-first from 2023-09-28): S-2022 (decided in 2022), S-DIED and
    // S-REVOKED (10-01 … 10-14), S-LATER, S-DEC (12-20 … 12-31), S-YE-END, S-ON-LINE-DAY (09-28
    // only). Not: S-BEFORE-LINE (ends 09-27), S-NEVER (never valid), the permits of 2024, the
    // specialist lines (in force from 2024-06-17).
    const auto& s = line(r, "students-first");
    EXPECT_EQ(s.eligible, 7);
    EXPECT_EQ(s.covered, 4);  // S-2022, S-LATER, S-YE-END, S-ON-LINE-DAY
    EXPECT_EQ(s.uncovered(), 3);
    EXPECT_EQ(s.coverage()->text(), "57.1");  // 400 / 7 = 57.14…
    // Lags: S-2022, S-YE-END and S-ON-LINE-DAY enrolled on the line's first day (0); S-LATER 8
    // days after its validity began. Median of 0, 0, 0, 8: 0; maximum 8.
    ASSERT_TRUE(s.lag().has_value());
    EXPECT_EQ(s.lag()->median, 0);
    EXPECT_EQ(s.lag()->max, 8);
    EXPECT_EQ(line(r, "specialist-extended").eligible, 0);
    EXPECT_FALSE(line(r, "specialist-extended").lag().has_value());
    EXPECT_EQ(r.total.eligible, 7);
    EXPECT_EQ(r.total.covered, 4);
    // S-DEC was enrolled in 2024, after its last day of 2023: uncovered in 2023. S-DIED's holder
    // died on 10-15, and no run came while it was valid; S-REVOKED was revoked on 10-15.
    EXPECT_EQ(uncovered(r), (std::vector<std::string>{
                                "S-DEC | students-first | no run while valid",
                                "S-DIED | students-first | no run while valid",
                                "S-REVOKED | students-first | revoked or withdrawn before enrolment",
                            }));
}

TEST_F(CoverageStockTest, TheStockOf2024ByHand) {
    load_stock_history(conn());
    run_stock_history(conn());
    const auto r = report(2024);
    // students-first, up to 2024-06-17: S-2022, S-LATER, S-DEC, S-YE-START, S-LEAP (exactly 6
    // months from the leap day) and S-AS-OF (valid from the last run's day); not S-LEAP-SHORT
    // (one day short), S-AFTER (from the day after the last run), S-YE-END (ended 2023-12-31).
    const auto& s = line(r, "students-first");
    EXPECT_EQ(s.eligible, 6);
    EXPECT_EQ(s.covered, 6);
    EXPECT_EQ(s.coverage()->text(), "100.0");
    // Lags: 0 (S-2022), 8 (S-LATER), 15 (S-DEC: 2023-12-20 → 2024-01-04), 3 (S-YE-START),
    // 0 (S-LEAP), 0 (S-AS-OF). Sorted 0 0 0 3 8 15: median (0 + 3) / 2 = 1.5; maximum 15.
    EXPECT_EQ(s.lag()->median, 1.5);
    EXPECT_EQ(s.lag()->max, 15);
    // The specialist lines from 2024-06-17: SP-1 (decided in 2023) and the Blue Card BC-1,
    // enrolled on the line's first day: lag 0.
    EXPECT_EQ(line(r, "specialist-extended").eligible, 1);
    EXPECT_EQ(line(r, "specialist-extended").covered, 1);
    EXPECT_EQ(line(r, "specialist-extended").lag()->max, 0);
    EXPECT_EQ(line(r, "specialist-first").eligible, 1);
    EXPECT_EQ(line(r, "specialist-first").lag()->median, 0);
    // growth-first: G-REJ, rejected by the last run.
    EXPECT_EQ(line(r, "growth-first").eligible, 1);
    EXPECT_EQ(line(r, "growth-first").covered, 0);
    EXPECT_EQ(uncovered(r), (std::vector<std::string>{
                                "G-REJ | growth-first | rejected: entrepreneur permit without company_id",
                            }));
    // Total: 9 eligible, 8 covered: 88.9 %; lags 0 0 0 0 0 3 8 15: median 0, maximum 15.
    EXPECT_EQ(r.total.eligible, 9);
    EXPECT_EQ(r.total.covered, 8);
    EXPECT_EQ(r.total.coverage()->text(), "88.9");
    EXPECT_EQ(r.total.lag()->median, 0);
    EXPECT_EQ(r.total.lag()->max, 15);
}

TEST_F(CoverageStockTest, APermitDecidedBeforeItsLineBeganIsInTheStockAndInNoYearsDecisions) {
    load_stock_history(conn());
    run_stock_history(conn());
    auto has = [](const CoverageReport& r, const std::string& permit) {
        for (const auto& u : r.uncovered) {
            if (u.permit_id == permit) return true;
        }
        return false;
    };
    // S-2022 is covered in the stock of 2023 and 2024 (above) but eligible in the decisions of
    // no year: decided in 2022, before students-first came into force on 2023-09-28.
    for (int year : {2022, 2023, 2024}) {
        const auto d = report(year, CoverageView::decisions);
        EXPECT_FALSE(has(d, "S-2022")) << year;
    }
    EXPECT_EQ(report(2022, CoverageView::decisions).total.eligible, 0);
    // The decisions of 2023: S-DIED, S-REVOKED, S-LATER, S-DEC, S-YE-END, S-ON-LINE-DAY,
    // S-YE-START (decided 2023-12-01) and S-NEVER (whatever its status): 8; covered 5.
    const auto d2023 = report(2023, CoverageView::decisions);
    EXPECT_EQ(d2023.total.eligible, 8);
    EXPECT_EQ(d2023.total.covered, 5);
    EXPECT_FALSE(d2023.total.lag().has_value());  // the decisions view has no lags
}

TEST_F(CoverageStockTest, BeforeAnyRunNothingIsInTheStock) {
    load_stock_history(conn());
    const auto r = report(2024);
    EXPECT_EQ(r.total.eligible, 0);
    EXPECT_FALSE(r.total.coverage().has_value());
    EXPECT_TRUE(r.uncovered.empty());
}

TEST_F(CoverageStockTest, JsonHasTheDecisionsKeysWithTheViewAndTheLag) {
    load_stock_history(conn());
    run_stock_history(conn());
    const auto j = reports::coverage_json(report(2024));
    EXPECT_EQ(j["view"], "stock");
    EXPECT_EQ(j["year"], 2024);
    EXPECT_EQ(j["lines"][0], nlohmann::json::parse(R"({"line": "students-first", "eligible": 6, "covered": 6,
        "uncovered": 0, "coverage_pct": 100.0, "enrolment_lag_days": {"median": 1.5, "max": 15}})"));
    // Nothing covered: the lag is null.
    EXPECT_EQ(j["lines"][2]["line"], "growth-first");
    EXPECT_TRUE(j["lines"][2]["enrolment_lag_days"].is_null());
    EXPECT_EQ(j["total"], nlohmann::json::parse(R"({"eligible": 9, "covered": 8, "uncovered": 1,
        "coverage_pct": 88.9, "enrolment_lag_days": {"median": 0, "max": 15}})"));
    EXPECT_EQ(j["uncovered"][0]["permit_id"], "G-REJ");
    EXPECT_EQ(j["judged_by_run"]["as_of"], "2024-06-17");
    // The decisions view is as it always was: no view key, no lag.
    const auto d = reports::coverage_json(report(2024, CoverageView::decisions));
    EXPECT_FALSE(d.contains("view"));
    EXPECT_FALSE(d["total"].contains("enrolment_lag_days"));
}

TEST_F(CoverageStockTest, CsvAddsTheLagColumns) {
    load_stock_history(conn());
    run_stock_history(conn());
    const auto csv = reports::coverage_csv(report(2024));
    EXPECT_EQ(csv.substr(0, csv.find("\r\n")),
              "kind,line,eligible,covered,uncovered,coverage_pct,permit_id,reason,enrolment_lag_median_days,"
              "enrolment_lag_max_days");
    EXPECT_NE(csv.find("\r\nline,students-first,6,6,0,100.0,,,1.5,15\r\n"), std::string::npos) << csv;
    EXPECT_NE(csv.find("\r\nline,growth-first,1,0,1,0.0,,,,\r\n"), std::string::npos) << csv;
    EXPECT_NE(csv.find("\r\ntotal,total,9,8,1,88.9,,,0,15\r\n"), std::string::npos) << csv;
    EXPECT_NE(csv.find("\r\nuncovered,growth-first,,,,,G-REJ,rejected: entrepreneur permit without company_id,,\r\n"),
              std::string::npos)
        << csv;
    const auto decisions = reports::coverage_csv(report(2024, CoverageView::decisions));
    EXPECT_EQ(decisions.substr(0, decisions.find("\r\n")),
              "kind,line,eligible,covered,uncovered,coverage_pct,permit_id,reason");
}

TEST_F(CoverageStockTest, HtmlShowsBothViewsSideBySide) {
    load_stock_history(conn());
    run_stock_history(conn());
    auto r = report(2023, CoverageView::decisions);
    r.stock = std::make_shared<const CoverageReport>(report(2023));
    const auto html = reports::coverage_html(r);
    EXPECT_EQ(html.find("<script"), std::string::npos);
    // Decisions of 2023: 8 eligible, 5 covered (62.5 %); stock in force in 2023: 7, 4 (57.1 %).
    EXPECT_NE(html.find("id=\"total-coverage\">62.5"), std::string::npos);
    EXPECT_NE(html.find("id=\"stock-total-coverage\">57.1"), std::string::npos);
    EXPECT_NE(html.find("id=\"stock-total-eligible\">7<"), std::string::npos);
    EXPECT_NE(html.find("<div class=\"views\">"), std::string::npos);
    // One sentence each on what the view counts.
    EXPECT_NE(html.find("Decisions: the permits decided in 2023 that a coverage line names"), std::string::npos);
    EXPECT_NE(html.find("Stock: the permits in force on some day of 2023"), std::string::npos);
    // The table row: decisions 8 / 5 / 3 / 62.5 %, then stock 7 / 4 / 3 / 57.1 %, lag 0 and 8.
    EXPECT_NE(html.find("<td>students-first</td><td class=\"n\">8</td><td class=\"n\">5</td><td class=\"n\">3</td>"
                        "<td class=\"n\">62.5&#8239;%</td><td class=\"n sep\">7</td><td class=\"n\">4</td><td "
                        "class=\"n\">3</td><td class=\"n\">57.1&#8239;%</td><td class=\"n\">0</td><td "
                        "class=\"n\">8</td>"),
              std::string::npos);
    // Reasons per view: no run while valid — decisions 1 (S-DIED), stock 2 (S-DIED, S-DEC).
    EXPECT_NE(html.find("<td>no run while valid</td><td class=\"n\">1</td><td class=\"n\">2</td>"), std::string::npos);
    // Bars: decisions 460 px × 62.5 % = 287 px; stock 460 × 57.1 % = 262 px.
    EXPECT_NE(html.find("class=\"decisions\" x=\"190\" y=\"32\" width=\"287\""), std::string::npos);
    EXPECT_NE(html.find("class=\"stock\" x=\"190\" y=\"49\" width=\"262\""), std::string::npos);
}

}  // namespace
}  // namespace supervision::test
