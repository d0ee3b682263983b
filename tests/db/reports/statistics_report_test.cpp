// rules.md §9, the statistics products (the stats views and the reports on them) and the
// observed precision per signal type: every count of a hand-made history, by hand; the
// small-cell suppression of the published exports.
#include "db/reports/statistics_fixture.h"
#include "reports/report_session.h"
#include "reports/statistics_format.h"
#include "support/run_helpers.h"
#include "support/test_database.h"

namespace supervision::test {
namespace {

// The history: statistics_fixture.h.
class StatisticsTest : public DbTest {
protected:
    void SetUp() override {
        DbTest::SetUp();
        load_statistics_history(conn());
    }
    reports::Statistics growth() {
        reports::ReportSession s(conn(), default_config());
        return reports::growth_entrepreneur_statistics(s);
    }
    reports::Statistics general() {
        reports::ReportSession s(conn(), default_config());
        return reports::general_statistics(s);
    }
    reports::Statistics of_basis(const std::string& basis) {
        reports::ReportSession s(conn(), default_config());
        return reports::basis_statistics(s, basis);
    }
    std::string view(const std::string& name, const std::string& order) {
        return scalar("SELECT string_agg(v::text, ' ' ORDER BY " + order + ") FROM stats." + name + " v");
    }
};

TEST_F(StatisticsTest, GrowthEntrepreneurCohortViewByHand) {
    // (grant_year, sequence, granted, enrolled, with_signal, with_review, review_share_pct, revoked, no_action, open)
    //  2024 extended: X1 → 1, 1, 1, 1, 100 × 1/1 = 100.0, latest no_action.
    //  2024 first: G1…G6 → 6 granted, G1…G5 enrolled, G1…G4 signalled, G1…G3 reviewed,
    //              100 × 3/6 = 50.0; latest: G1 revoked, G2 open, G3 hearing (open) → 1, 0, 2.
    //  2025 first: Y1…Y5 → 5 of each, 100.0, all latest revoked (Y2 by review_id on the same day).
    EXPECT_EQ(view("growth_entrepreneur_cohort", "grant_year, sequence"),
              "(2024,extended,1,1,1,1,100.0,0,1,0) (2024,first,6,5,4,3,50.0,1,0,2) (2025,first,5,5,5,5,100.0,5,0,0)");
}

TEST_F(StatisticsTest, SupervisionCohortViewHasEveryBasisAndNoPersonColumn) {
    // specialist 2025 extended: S1…S4, granted 4, nothing else, 0.0 %. NODATE is in no cohort.
    EXPECT_EQ(
        view("supervision_cohort", "basis, grant_year, sequence"),
        "(growth_entrepreneur,2024,extended,1,1,1,1,100.0,0,1,0) (growth_entrepreneur,2024,first,6,5,4,3,50.0,1,0,2) "
        "(growth_entrepreneur,2025,first,5,5,5,5,100.0,5,0,0) (specialist,2025,extended,4,0,0,0,0.0,0,0,0)");
    EXPECT_EQ(
        scalar("SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns "
               "WHERE table_schema = 'stats' AND table_name = 'supervision_cohort'"),
        "basis,grant_year,sequence,granted,enrolled,with_signal,with_review,review_share_pct,revoked,no_action,open");
    EXPECT_EQ(scalar("SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns "
                     "WHERE table_schema = 'stats' AND table_name = 'growth_entrepreneur_cohort'"),
              "grant_year,sequence,granted,enrolled,with_signal,with_review,review_share_pct,revoked,no_action,open");
    EXPECT_EQ(count("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'stats' "
                    "AND column_name ILIKE '%person%'"),
              0);
}

TEST_F(StatisticsTest, SignalPrecisionByHand) {
    // company_inactive: reviews 1 (revoked), 2, 5 (no_action), 6, 12, 8, 9, 10 (revoked); review 6 counts once
    //   though two of its signals are of the type → 8 reviews, 6 revoked, 2 no_action, 0 open, 100 × 6/8 = 75.0.
    // emigrated: review 4 (hearing), 5 (no_action) → 2, 0, 1, 1, 100 × 0/1 = 0.0.
    // not_moved_to_finland: review 3 (open) → 1, 0, 0, 1, none closed: NULL.
    EXPECT_EQ(view("signal_precision", "signal_type"),
              "(company_inactive,8,6,2,0,75.0) (emigrated,2,0,1,1,0.0) (not_moved_to_finland,1,0,0,1,)");
}

TEST_F(StatisticsTest, GrowthEntrepreneurCsvInternalKeepsExactCounts) {
    EXPECT_EQ(reports::statistics_csv(growth(), false, "cohort"),
              "grant_year,sequence,granted,enrolled,with_signal,with_review,review_share_pct,revoked,no_action,open\r\n"
              "2024,extended,1,1,1,1,100.0,0,1,0\r\n"
              "2024,first,6,5,4,3,50.0,1,0,2\r\n"
              "2025,first,5,5,5,5,100.0,5,0,0\r\n");
}

TEST_F(StatisticsTest, GrowthEntrepreneurCsvPublishedSuppressesOneToFour) {
    // 1 and 4 → <5; 0 and 5 stay; a share whose numerator (with_review 1 or 3) is suppressed is blank.
    EXPECT_EQ(reports::statistics_csv(growth(), true, "cohort"),
              "grant_year,sequence,granted,enrolled,with_signal,with_review,review_share_pct,revoked,no_action,open\r\n"
              "2024,extended,<5,<5,<5,<5,,0,<5,0\r\n"
              "2024,first,6,5,<5,<5,,<5,0,<5\r\n"
              "2025,first,5,5,5,5,100.0,5,0,0\r\n");
}

TEST_F(StatisticsTest, GrowthEntrepreneurJson) {
    const auto exact = reports::statistics_json(growth(), false);
    EXPECT_EQ(exact["rows"][1], nlohmann::json::parse(R"({"grant_year": 2024, "sequence": "first", "granted": 6,
        "enrolled": 5, "with_signal": 4, "with_review": 3, "review_share_pct": 50.0, "revoked": 1, "no_action": 0, "open": 2})"));
    EXPECT_FALSE(exact.contains("forecast"));
    const auto published = reports::statistics_json(growth(), true);
    EXPECT_EQ(published["rows"][1], nlohmann::json::parse(R"({"grant_year": 2024, "sequence": "first", "granted": 6,
        "enrolled": 5, "with_signal": "<5", "with_review": "<5", "review_share_pct": null, "revoked": "<5",
        "no_action": 0, "open": "<5"})"));
    EXPECT_EQ(published["rows"][2]["review_share_pct"], 100.0);
}

TEST_F(StatisticsTest, GeneralStatisticsPublishedKeepsAShareOfZeroOverASuppressedDenominator) {
    // specialist 2025: granted 4 → <5; with_review 0 stays 0 and its share 0.0 stays (rules.md §9:
    // only a suppressed numerator blanks a share).
    const auto csv = reports::statistics_csv(general(), true, "cohort");
    EXPECT_NE(csv.find("\r\nspecialist,2025,extended,<5,0,0,0,0.0,0,0,0\r\n"), std::string::npos) << csv;
    EXPECT_EQ(
        csv.substr(0, csv.find("\r\n")),
        "basis,grant_year,sequence,granted,enrolled,with_signal,with_review,review_share_pct,revoked,no_action,open");
}

TEST_F(StatisticsTest, PrecisionPublishedBlanksAShareWhoseCountsAreSuppressed) {
    // company_inactive: no_action 2 → <5, and 75.0 would give it back (6 / 0.75 − 6 = 2): blank.
    EXPECT_EQ(reports::statistics_csv(general(), true, "precision"),
              "signal_type,reviews,revoked,no_action,open,precision_pct\r\n"
              "company_inactive,8,6,<5,0,\r\n"
              "emigrated,<5,0,<5,<5,\r\n"
              "not_moved_to_finland,<5,0,0,<5,\r\n");
    EXPECT_EQ(reports::statistics_csv(general(), false, "precision"),
              "signal_type,reviews,revoked,no_action,open,precision_pct\r\n"
              "company_inactive,8,6,2,0,75.0\r\n"
              "emigrated,2,0,1,1,0.0\r\n"
              "not_moved_to_finland,1,0,0,1,\r\n");
}

TEST_F(StatisticsTest, GeneralJsonHasRowsPrecisionAndNoForecastBeforeAnyRun) {
    const auto j = reports::statistics_json(general(), false);
    EXPECT_EQ(j["rows"].size(), 4u);
    EXPECT_EQ(j["rows"][3]["basis"], "specialist");
    EXPECT_EQ(j["signal_precision"][0]["precision_pct"], 75.0);
    EXPECT_TRUE(j["signal_precision"][2]["precision_pct"].is_null());
    EXPECT_TRUE(j["forecast"].is_null());
}

// rules.md §9, per basis and signal type: the permits that raised the type, the signals, and
// the reviews with the type linked and how they ended.
TEST_F(StatisticsTest, SignalTypesPerBasisByHand) {
    // growth_entrepreneur, company_inactive: permits G1, G2, G4, X1, Y1…Y5 (9); signals 1, 2, 5,
    //   7, 8, 13, 9, 10, 11, 12 (10); reviews 1, 2, 5, 6, 12, 8, 9, 10 (8): revoked 1, 6, 12, 8,
    //   9, 10 (6), no_action 2, 5 (2), open 0; 100 × 6 / 8 = 75.0.
    // emigrated: permits G3, X1; signals 4, 6; reviews 4 (hearing), 5 (no_action): 0.0.
    // not_moved_to_finland: G2; signal 3; review 3 (open): no precision.
    const auto csv = reports::statistics_csv(general(), false, "signal-types");
    EXPECT_EQ(csv,
              "basis,signal_type,permits,signals,reviews,revoked,no_action,open,precision_pct\r\n"
              "growth_entrepreneur,company_inactive,9,10,8,6,2,0,75.0\r\n"
              "growth_entrepreneur,emigrated,2,2,2,0,1,1,0.0\r\n"
              "growth_entrepreneur,not_moved_to_finland,1,1,1,0,0,1,\r\n");
    // Published: 1 to 4 are <5; a precision whose revoked or no_action is suppressed is blank.
    EXPECT_EQ(reports::statistics_csv(general(), true, "signal-types"),
              "basis,signal_type,permits,signals,reviews,revoked,no_action,open,precision_pct\r\n"
              "growth_entrepreneur,company_inactive,9,10,8,6,<5,0,\r\n"
              "growth_entrepreneur,emigrated,<5,<5,<5,0,<5,<5,\r\n"
              "growth_entrepreneur,not_moved_to_finland,<5,<5,<5,0,0,<5,\r\n");
    const auto j = reports::statistics_json(general(), false);
    EXPECT_EQ(j["signal_types"][0], nlohmann::json::parse(R"({"basis": "growth_entrepreneur",
        "signal_type": "company_inactive", "permits": 9, "signals": 10, "reviews": 8, "revoked": 6, "no_action": 2,
        "open": 0, "precision_pct": 75.0})"));
}

// `report statistics --basis B`: the same measures for one basis, as the per-process reports
// are built.
TEST_F(StatisticsTest, TheStatisticsOfOneBasisHaveTheSameMeasures) {
    const auto g = of_basis("growth_entrepreneur");
    EXPECT_EQ(g.basis, std::optional<std::string>("growth_entrepreneur"));
    ASSERT_EQ(g.rows.size(), 3u);
    const auto growth = this->growth();
    for (std::size_t i = 0; i < g.rows.size(); ++i) {
        EXPECT_EQ(g.rows[i].basis, "growth_entrepreneur");
        EXPECT_EQ(g.rows[i].grant_year, growth.rows[i].grant_year);
        EXPECT_EQ(g.rows[i].granted, growth.rows[i].granted);
        EXPECT_EQ(g.rows[i].with_review, growth.rows[i].with_review);
        EXPECT_EQ(g.rows[i].revoked, growth.rows[i].revoked);
    }
    // Its precision is its own signal types': here every signal is a growth entrepreneur's.
    ASSERT_EQ(g.precision.size(), 3u);
    EXPECT_EQ(g.precision[0].signal_type, "company_inactive");
    EXPECT_EQ(g.precision[0].precision->text(), "75.0");
    EXPECT_EQ(g.signal_types.size(), 3u);
    // Specialists: 4 granted in 2025, nothing else; no signal type.
    const auto s = of_basis("specialist");
    ASSERT_EQ(s.rows.size(), 1u);
    EXPECT_EQ(s.rows[0].granted, 4);
    EXPECT_TRUE(s.signal_types.empty());
    const auto j = reports::statistics_json(s, false);
    EXPECT_EQ(j["basis"], "specialist");
    EXPECT_EQ(j["rows"][0]["basis"], "specialist");
    EXPECT_TRUE(j["forecast"].is_null());  // no run yet
    EXPECT_EQ(reports::statistics_csv(s, false, "cohort"),
              "basis,grant_year,sequence,granted,enrolled,with_signal,with_review,review_share_pct,revoked,no_action,"
              "open\r\nspecialist,2025,extended,4,0,0,0,0.0,0,0,0\r\n");
}

// A cohort is mature when its grant year ended at least 12 months before the last completed
// run's as_of: from 31 December of the next year on.
TEST_F(StatisticsTest, ACohortIsMatureFromTheLastDayOfTheYearAfterItsGrantYear) {
    const auto run = [](const char* day) { return reports::LastRun{1, *rules::parse_iso_date(day)}; };
    EXPECT_FALSE(reports::cohort_is_mature(2024, std::nullopt));
    EXPECT_FALSE(reports::cohort_is_mature(2024, run("2025-12-30")));
    EXPECT_TRUE(reports::cohort_is_mature(2024, run("2025-12-31")));
    EXPECT_TRUE(reports::cohort_is_mature(2023, run("2025-12-31")));
    EXPECT_FALSE(reports::cohort_is_mature(2025, run("2025-12-31")));
    EXPECT_FALSE(reports::cohort_is_mature(2027, run("2028-12-30")));  // 2028 is a leap year
    EXPECT_TRUE(reports::cohort_is_mature(2027, run("2028-12-31")));
    EXPECT_TRUE(reports::cohort_is_mature(2023, run("2025-02-28")));
    // Before any run no cohort is mature; the growth-entrepreneur product keeps its columns.
    EXPECT_EQ(reports::statistics_json(general(), false)["rows"][1]["mature"], false);
    EXPECT_FALSE(reports::statistics_json(growth(), false)["rows"][1].contains("mature"));
    completed_run(conn(), 1, "2025-12-31");
    const auto j = reports::statistics_json(general(), false);
    // Rows: growth 2024 extended, growth 2024 first, growth 2025 first, specialist 2025.
    EXPECT_EQ(j["rows"][0]["mature"], true);
    EXPECT_EQ(j["rows"][1]["mature"], true);
    EXPECT_EQ(j["rows"][2]["mature"], false);
    EXPECT_EQ(j["rows"][3]["mature"], false);
}

TEST_F(StatisticsTest, HtmlMarksImmatureCohortsAndSuppressesWhenPublished) {
    completed_run(conn(), 1, "2025-12-31");
    const auto html = reports::statistics_html(general(), false);
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_NE(html.find("<table id=\"cohort-table\">"), std::string::npos);
    // 2024 first is mature: its share 50.0 % is shown; 2025 first is immature: not compared.
    EXPECT_NE(html.find("<tr><td>growth_entrepreneur</td><td class=\"k\">2024</td><td>first</td><td class=\"n\">6</td>"
                        "<td class=\"n\">5</td><td class=\"n\">4</td><td class=\"n\">3</td><td class=\"n\">"
                        "50.0&#8239;%</td>"),
              std::string::npos)
        << html;
    EXPECT_NE(html.find("<tr class=\"immature\"><td>growth_entrepreneur</td><td class=\"k\">2025</td><td>first</td>"
                        "<td class=\"n\">5</td><td class=\"n\">5</td><td class=\"n\">5</td><td class=\"n\">5</td>"
                        "<td class=\"n\">not compared</td>"),
              std::string::npos);
    EXPECT_NE(html.find("<td>growth_entrepreneur</td><td>company_inactive</td><td class=\"n\">9</td>"),
              std::string::npos);
    EXPECT_NE(html.find("id=\"forecast\""), std::string::npos);
    const auto published = reports::statistics_html(general(), true);
    EXPECT_NE(published.find("<td>growth_entrepreneur</td><td>emigrated</td><td class=\"n\">&lt;5</td>"),
              std::string::npos);
    EXPECT_EQ(published.find("PERSON-"), std::string::npos);
}

}  // namespace
}  // namespace supervision::test
