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
    EXPECT_EQ(view("supervision_cohort", "basis, grant_year, sequence"),
              "(growth_entrepreneur,2024,extended,1,1,1,1,100.0,0,1,0) (growth_entrepreneur,2024,first,6,5,4,3,50.0,1,0,2) "
              "(growth_entrepreneur,2025,first,5,5,5,5,100.0,5,0,0) (specialist,2025,extended,4,0,0,0,0.0,0,0,0)");
    EXPECT_EQ(scalar("SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns "
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
    EXPECT_EQ(csv.substr(0, csv.find("\r\n")),
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

}  // namespace
}  // namespace supervision::test
