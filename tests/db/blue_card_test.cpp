// The EU Blue Card is supervised with the specialists (rules.md §3: the performance
// agreement reports them as one process): enrolment under both specialist lines on the
// edges of "more than 12 months" and "at least 6 months" (leap day and month end
// included), the first run after the configuration takes the Blue Card in, the coverage
// report and the statistics.
#include "db/reports/outcome_rows.h"
#include "reports/coverage.h"
#include "reports/report_session.h"
#include "reports/statistics.h"
#include "support/registry_builder.h"
#include "support/run_helpers.h"
#include "support/test_database.h"

namespace supervision::test {
namespace {

class BlueCardTest : public DbTest {
protected:
    std::string line_of(const std::string& permit) {
        return scalar("SELECT coalesce((SELECT line_id FROM supervision.supervised_permit WHERE permit_id = '" +
                      permit + "'), 'none')");
    }
    std::string enrolled_on(const std::string& permit) {
        return scalar(
            "SELECT coalesce((SELECT enrolled_on::text FROM supervision.supervised_permit WHERE permit_id = '" +
            permit + "'), 'none')");
    }
};

void blue_card(pqxx::connection& c, const std::string& id, const std::string& sequence, const std::string& decided,
               const std::string& from, const std::string& until) {
    permit_of(c, id, "eu_blue_card", sequence, decided, from, until);
}

// The configuration as it was before the Blue Card joined the specialist lines.
config::Config specialists_only() {
    return config_replacing({{"    bases: [specialist, eu_blue_card]    # one process in the performance agreement "
                              "(rules.md §3)\n",
                              "    bases: [specialist]\n"},
                             {"  - id: specialist-first\n    effective_from: 2024-06-17\n    bases: [specialist, "
                              "eu_blue_card]\n",
                              "  - id: specialist-first\n    effective_from: 2024-06-17\n    bases: [specialist]\n"}});
}

TEST_F(BlueCardTest, TheShippedConfigurationSupervisesTheBlueCardWithTheSpecialists) {
    for (const auto& line : default_config().coverage_lines) {
        if (line.id == "specialist-first" || line.id == "specialist-extended") {
            EXPECT_EQ(line.bases, (std::vector<std::string>{"specialist", "eu_blue_card"})) << line.id;
        }
    }
    for (const char* type : {"income_below_requirement", "no_income", "employment_ended"}) {
        const auto& bases = default_config().signals.at(type).bases;
        EXPECT_NE(std::find(bases.begin(), bases.end(), "eu_blue_card"), bases.end()) << type;
    }
}

// "More than 12 months": valid_until + 1 day > add_months(valid_from, 12), on the leap day
// and the end of February.
TEST_F(BlueCardTest, FirstPermitsEnrolUnderSpecialistFirstOnlyWhenValidMoreThanTwelveMonths) {
    blue_card(conn(), "BC-0229-0227", "first", "2024-02-01", "2024-02-29", "2025-02-27");  // +12 = 02-28: not more
    blue_card(conn(), "BC-0229-0228", "first", "2024-02-01", "2024-02-29", "2025-02-28");  // one day more
    blue_card(conn(), "BC-0228-0227", "first", "2024-02-01", "2024-02-28", "2025-02-27");  // exactly 12
    blue_card(conn(), "BC-0228-0228", "first", "2024-02-01", "2024-02-28", "2025-02-28");  // more than 12
    run_on(conn(), "2024-06-16");  // the day before the specialist lines
    EXPECT_EQ(line_of("BC-0229-0228"), "none");
    run_on(conn(), "2024-06-17");
    EXPECT_EQ(line_of("BC-0229-0227"), "none");
    EXPECT_EQ(line_of("BC-0229-0228"), "specialist-first");
    EXPECT_EQ(line_of("BC-0228-0227"), "none");
    EXPECT_EQ(line_of("BC-0228-0228"), "specialist-first");
    EXPECT_EQ(enrolled_on("BC-0228-0228"), "2024-06-17");
}

// rules.md §1's own examples, under a specialist-first line in force from 2023.
TEST_F(BlueCardTest, TheRulesExamplesOfMoreThanTwelveMonths) {
    const auto cfg = config_replacing("  - id: specialist-first\n    effective_from: 2024-06-17\n",
                                      "  - id: specialist-first\n    effective_from: 2023-01-01\n");
    blue_card(conn(), "BC-2023", "first", "2023-02-01", "2023-02-28", "2024-02-28");     // more than 12
    blue_card(conn(), "BC-2023-12", "first", "2023-02-01", "2023-02-28", "2024-02-27");  // exactly 12
    blue_card(conn(), "BC-2024", "first", "2024-02-01", "2024-02-29", "2025-02-27");     // not more than 12
    run_on(conn(), cfg, "2023-06-01");
    EXPECT_EQ(line_of("BC-2023"), "specialist-first");
    EXPECT_EQ(line_of("BC-2023-12"), "none");
    run_on(conn(), cfg, "2024-03-01");
    EXPECT_EQ(line_of("BC-2024"), "none");
}

// "At least 6 months": valid_until + 1 day ≥ add_months(valid_from, 6); from a month's last
// day, add_months clamps to the end of February (2024-08-31 + 6 = 2025-02-28).
TEST_F(BlueCardTest, ExtendedPermitsEnrolUnderSpecialistExtendedFromSixMonths) {
    blue_card(conn(), "BC-6M", "extended", "2024-03-01", "2024-03-15", "2024-09-14");      // exactly 6
    blue_card(conn(), "BC-6M-1", "extended", "2024-03-01", "2024-03-15", "2024-09-13");    // one day short
    blue_card(conn(), "BC-0831", "extended", "2024-08-01", "2024-08-31", "2025-02-27");    // at least 6
    blue_card(conn(), "BC-0831-1", "extended", "2024-08-01", "2024-08-31", "2025-02-26");  // one day short
    run_on(conn(), "2024-06-17");
    EXPECT_EQ(line_of("BC-6M"), "specialist-extended");
    EXPECT_EQ(line_of("BC-6M-1"), "none");
    run_on(conn(), "2024-08-31");
    EXPECT_EQ(line_of("BC-0831"), "specialist-extended");
    EXPECT_EQ(enrolled_on("BC-0831"), "2024-08-31");
    EXPECT_EQ(line_of("BC-0831-1"), "none");
}

// docs/operations.md: the first run with the Blue Card in the specialist lines enrols every
// valid Blue Card permit in scope that is not enrolled yet, with that night's as_of.
TEST_F(BlueCardTest, TheFirstRunAfterTheUpgradeEnrolsTheValidBlueCardsThatNight) {
    blue_card(conn(), "BC-VALID", "first", "2024-09-01", "2024-10-01", "2026-09-30");
    blue_card(conn(), "BC-EXPIRED", "extended", "2024-09-01", "2024-09-01", "2025-03-05");
    blue_card(conn(), "BC-LATER", "extended", "2025-02-01", "2025-03-11", "2026-03-10");
    blue_card(conn(), "BC-OLD", "extended", "2022-11-01", "2023-12-01", "2026-11-30");  // decided before the scope
    permit_of(conn(), "SP-A", "specialist", "extended", "2024-09-01", "2024-10-01", "2026-09-30");
    run_on(conn(), specialists_only(), "2025-03-03");
    EXPECT_EQ(line_of("BC-VALID"), "none");
    EXPECT_EQ(enrolled_on("SP-A"), "2025-03-03");
    const auto upgrade = run_on(conn(), "2025-03-10");
    EXPECT_EQ(upgrade.counts["enrolled"].get<long long>(), 1);
    EXPECT_EQ(line_of("BC-VALID"), "specialist-first");
    EXPECT_EQ(enrolled_on("BC-VALID"), "2025-03-10");
    EXPECT_EQ(line_of("BC-EXPIRED"), "none");  // its validity ended 2025-03-05
    EXPECT_EQ(line_of("BC-LATER"), "none");    // valid from the next day: the next run takes it
    EXPECT_EQ(line_of("BC-OLD"), "none");
    EXPECT_EQ(enrolled_on("SP-A"), "2025-03-03");  // the specialists' enrolments stay as they were
    run_on(conn(), "2025-03-11");
    EXPECT_EQ(enrolled_on("BC-LATER"), "2025-03-11");

    reports::ReportSession session(conn(), default_config());
    // Decisions of 2024: BC-VALID covered, BC-EXPIRED uncovered (no run while valid with the
    // Blue Card in the lines), SP-A covered; BC-OLD was decided in 2022.
    const auto decisions = reports::coverage_report(session, 2024);
    EXPECT_EQ(decisions.total.eligible, 3);
    EXPECT_EQ(decisions.total.covered, 2);
    ASSERT_EQ(decisions.uncovered.size(), 1u);
    EXPECT_EQ(decisions.uncovered[0].permit_id, "BC-EXPIRED");
    EXPECT_EQ(decisions.uncovered[0].reason, "no run while valid");
    // The stock of 2025: the lag runs from the first day a permit was valid under a line in
    // force, of any year: BC-VALID 2024-10-01 → 2025-03-10, 160 days; SP-A 2024-10-01 →
    // 2025-03-03, 153 days; BC-LATER 2025-03-11 → 2025-03-11, 0.
    const auto stock = reports::coverage_report(session, 2025, reports::CoverageView::stock);
    for (const auto& l : stock.lines) {
        if (l.line == "specialist-first") {
            EXPECT_EQ(l.eligible, 1);
            EXPECT_EQ(l.lag()->max, 160);
        }
        if (l.line == "specialist-extended") {
            EXPECT_EQ(l.eligible, 3);  // SP-A, BC-EXPIRED (2025-01-01 … 03-05), BC-LATER
            EXPECT_EQ(l.covered, 2);
            EXPECT_EQ(l.lag()->median, 76.5);  // (0 + 153) / 2
        }
    }
}

TEST_F(BlueCardTest, TheStatisticsCountTheBlueCardAsItsOwnBasis) {
    blue_card(conn(), "BC-1", "first", "2024-05-01", "2024-06-01", "2026-05-31");
    blue_card(conn(), "BC-2", "first", "2024-05-01", "2024-06-01", "2025-05-31");  // exactly 12: not supervised
    blue_card(conn(), "BC-3", "extended", "2025-01-02", "2025-02-01", "2027-01-31");
    run_on(conn(), "2024-06-17");
    run_on(conn(), "2025-02-03");
    EXPECT_EQ(scalar("SELECT string_agg(v::text, ' ' ORDER BY grant_year, sequence) FROM stats.supervision_cohort v "
                     "WHERE basis = 'eu_blue_card'"),
              "(eu_blue_card,2024,first,2,1,0,0,0.0,0,0,0) (eu_blue_card,2025,extended,1,1,0,0,0.0,0,0,0)");
    reports::ReportSession session(conn(), default_config());
    const auto s = reports::basis_statistics(session, "eu_blue_card");
    ASSERT_EQ(s.rows.size(), 2u);
    EXPECT_EQ(s.rows[0].granted, 2);
    EXPECT_EQ(s.rows[0].enrolled, 1);
    EXPECT_EQ(s.rows[1].enrolled, 1);
    ASSERT_TRUE(s.forecast.has_value());
    EXPECT_EQ(s.forecast->inputs.supervised_now.at("eu_blue_card"), 2);
    EXPECT_EQ(s.forecast->bases, std::vector<std::string>{"eu_blue_card"});
    EXPECT_EQ(s.forecast->queues, std::vector<std::string>{"work"});
}

}  // namespace
}  // namespace supervision::test
