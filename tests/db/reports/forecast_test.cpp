// The 12-month forecast (docs/reports.md#forecast): its inputs read from a hand-made
// history and the projection worked out by hand; the capacity cap on plain inputs.
#include "db/reports/outcome_rows.h"
#include "reports/forecast_format.h"
#include "reports/report_session.h"
#include "support/run_helpers.h"
#include "support/test_database.h"

namespace supervision::test {
namespace {

// The last completed run is on 2025-06-15 (an earlier one on 2025-01-01): forecast months
// i = 1..12 are 2025-07 … 2026-06; grants are counted over 2024-06-01 … 2025-05-31;
// reviews and permit-days over 2024-06-16 … 2025-06-15.
//
// Supervised (not ended) on 2025-06-15:
//   S1 specialist, enrolled 2025-06-01, valid until 2025-09-30  → in stock for i = 1..3
//   S2 specialist, enrolled 2024-01-01, valid until 2026-12-31  → i = 1..12
//   S3 student,    enrolled 2025-05-17, valid until 2025-12-31  → i = 1..6
//   S4 specialist, enrolled 2025-03-01, ended 2025-05-01         → not in stock
// Permit-days in the window: work S1 15 (06-01…06-15) + S2 365 (2024-06-16…2025-06-15)
//   + S4 61 (03-01…04-30) = 441; study S3 30 (05-17…06-15).
// Reviews opened in the window: work 2 (S2 2025-01-10, S4 2025-04-01; S2's of 2024-06-15 is
//   just outside), study 1 (S3 on 2025-06-15, the last day inside).
// Grants in the window that a line in force takes in (decided before 2023: S1…S4 are not):
//   Ga specialist extended, decided 2024-07-01, valid 2024-07-01…2024-12-31 (6 months)
//   Gb specialist extended, decided 2024-12-01, valid 2024-12-01…2025-11-30 (12 months)
//   Gs student first,       decided 2025-01-10, valid 2025-01-15…2025-10-14 (9 months)
//   not counted: Gc (3.5 months, no line), Gd (decided 2025-06-01, after the window),
//   Ge (decided 2024-05-31, before it), Gf (family: no line).
class ForecastTest : public DbTest {
protected:
    void SetUp() override {
        DbTest::SetUp();
        auto& c = conn();
        completed_run(c, 1, "2025-01-01");
        completed_run(c, 2, "2025-06-15");
        permit_of(c, "S1", "specialist", "extended", "2022-12-01", "2024-10-01", "2025-09-30");
        permit_of(c, "S2", "specialist", "extended", "2022-12-01", "2024-01-01", "2026-12-31");
        permit_of(c, "S3", "student", "first", "2022-12-01", "2025-01-01", "2025-12-31");
        permit_of(c, "S4", "specialist", "extended", "2022-12-01", "2024-01-01", "2025-04-30");
        enrolment(c, "S1", "2025-06-01");
        enrolment(c, "S2", "2024-01-01");
        enrolment(c, "S3", "2025-05-17");
        enrolment(c, "S4", "2025-03-01", std::string("2025-05-01"));
        review(c, 1, "S2", "2024-06-15", "closed", std::string("no_action"), "work");
        review(c, 2, "S2", "2025-01-10", "closed", std::string("no_action"), "work");
        review(c, 3, "S4", "2025-04-01", "closed", std::string("revoked"), "work");
        review(c, 4, "S3", "2025-06-15", "open", std::nullopt, "study");
        permit_of(c, "Ga", "specialist", "extended", "2024-07-01", "2024-07-01", "2024-12-31");
        permit_of(c, "Gb", "specialist", "extended", "2024-12-01", "2024-12-01", "2025-11-30");
        permit_of(c, "Gs", "student", "first", "2025-01-10", "2025-01-15", "2025-10-14");
        permit_of(c, "Gc", "specialist", "extended", "2025-05-01", "2025-05-01", "2025-08-15");
        permit_of(c, "Gd", "specialist", "extended", "2025-06-01", "2025-06-01", "2026-05-31");
        permit_of(c, "Ge", "specialist", "extended", "2024-05-31", "2024-06-01", "2025-05-31");
        permit_of(c, "Gf", "family", "first", "2024-08-01", "2024-08-01", "2026-07-31");
    }
    reports::Forecast forecast() {
        reports::ReportSession s(conn(), default_config());
        return *reports::forecast(s);
    }
};

TEST_F(ForecastTest, InputsByHand) {
    const auto f = forecast();
    const auto& in = f.inputs;
    EXPECT_EQ(rules::to_iso(in.as_of), "2025-06-15");
    EXPECT_EQ(in.stock.at("specialist"), (reports::Monthly{2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1}));
    EXPECT_EQ(in.stock.at("student"), (reports::Monthly{1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0}));
    EXPECT_EQ(in.grants.at("specialist"), 2);
    EXPECT_EQ(in.grants.at("student"), 1);
    EXPECT_EQ(in.grants.count("family"), 0u);
    // Ga is valid at least k months for k ≤ 6, Gb for every k ≤ 12; Gs for k ≤ 9.
    EXPECT_EQ(in.survivors.at("specialist"), (reports::Monthly{2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1}));
    EXPECT_EQ(in.survivors.at("student"), (reports::Monthly{1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0}));
    EXPECT_EQ(in.observed.at("work").reviews, 2);
    EXPECT_EQ(in.observed.at("work").permit_days, 441);
    EXPECT_EQ(in.observed.at("study").reviews, 1);
    EXPECT_EQ(in.observed.at("study").permit_days, 30);
    EXPECT_EQ(in.observed.at("enterprise").permit_days, 0);
    EXPECT_EQ(in.observed.at("general").reviews, 0);
    // Runs cover 2025-01-01 … 2025-06-15: 166 days, under 180: a short history.
    EXPECT_EQ(in.observed_days, 166);
}

TEST_F(ForecastTest, ProjectionByHand) {
    const auto f = forecast();
    ASSERT_EQ(f.months.size(), 12u);
    EXPECT_EQ(f.months[0].month, "2025-07");
    EXPECT_EQ(f.months[11].month, "2026-06");
    // Specialist, month i: stock + (1/12) × Σ_{k≤i} survivors[k].
    //   i=1: 2 + 2/12 = 2.1667; i=4: 1 + 8/12 = 1.6667; i=6: 1 + 12/12 = 2; i=12: 1 + 18/12 = 2.5.
    EXPECT_NEAR(f.months[0].supervised.at("specialist"), 2 + 2.0 / 12, 1e-9);
    EXPECT_NEAR(f.months[3].supervised.at("specialist"), 1 + 8.0 / 12, 1e-9);
    EXPECT_NEAR(f.months[5].supervised.at("specialist"), 2.0, 1e-9);
    EXPECT_NEAR(f.months[11].supervised.at("specialist"), 2.5, 1e-9);
    // Student: i=1: 1 + 1/12; i=7: 0 + 7/12; i=12: 0 + 9/12.
    EXPECT_NEAR(f.months[0].supervised.at("student"), 1 + 1.0 / 12, 1e-9);
    EXPECT_NEAR(f.months[6].supervised.at("student"), 7.0 / 12, 1e-9);
    EXPECT_NEAR(f.months[11].supervised.at("student"), 0.75, 1e-9);
    EXPECT_NEAR(f.months[0].supervised_total, 39.0 / 12, 1e-9);
    // New reviews: rate per permit-day × stock of the queue's bases × days of the month.
    //   work, July (31 days): 2/441 × 2.1667 × 31 = 0.3046; study: 1/30 × 1.0833 × 31 = 1.1194.
    //   work, February 2026 (28 days), i=8: stock 1 + 14/12; 2/441 × 2.1667 × 28 = 0.2751.
    EXPECT_NEAR(f.months[0].new_reviews.at("work"), 2.0 / 441 * (2 + 2.0 / 12) * 31, 1e-9);
    EXPECT_NEAR(f.months[0].new_reviews.at("study"), 1.0 / 30 * (1 + 1.0 / 12) * 31, 1e-9);
    EXPECT_EQ(f.months[7].days, 28);
    EXPECT_NEAR(f.months[7].new_reviews.at("work"), 2.0 / 441 * (1 + 14.0 / 12) * 28, 1e-9);
    EXPECT_NEAR(f.months[0].new_reviews.at("enterprise"), 0.0, 1e-12);
    EXPECT_NEAR(f.months[0].new_reviews_total, 2.0 / 441 * (2 + 2.0 / 12) * 31 + 1.0 / 30 * (1 + 1.0 / 12) * 31, 1e-9);
}

TEST_F(ForecastTest, JsonAndCsvRoundToOneDecimalAndPublishedHideSmallFigures) {
    const auto f = forecast();
    const auto j = reports::forecast_json(f, false);
    EXPECT_EQ(j["based_on_run_as_of"], "2025-06-15");
    EXPECT_EQ(j["inputs"]["grants_window"], nlohmann::json::parse(R"(["2024-06-01", "2025-05-31"])"));
    EXPECT_EQ(j["inputs"]["review_window"], nlohmann::json::parse(R"(["2024-06-16", "2025-06-15"])"));
    EXPECT_EQ(j["inputs"]["short_history"], true);
    // 2 reviews / 441 permit-days × 30.4375 days × 100 = 13.80 per 100 permit-months.
    EXPECT_EQ(j["inputs"]["queues"]["work"]["reviews_per_100_permit_months"], 13.8);
    EXPECT_EQ(j["months"][0]["supervised"]["specialist"], 2.2);   // 2.1667
    EXPECT_EQ(j["months"][11]["supervised"]["specialist"], 2.5);
    EXPECT_EQ(j["months"][0]["new_reviews"]["study"], 1.1);      // 1.1194
    const auto p = reports::forecast_json(f, true);
    EXPECT_EQ(p["months"][0]["supervised"]["specialist"], "<5");
    EXPECT_EQ(p["months"][0]["new_reviews"]["enterprise"], 0.0);
    EXPECT_EQ(p["inputs"]["grants_last_12_months"]["specialist"], "<5");
    const auto csv = reports::forecast_csv(f, false);
    EXPECT_EQ(csv.substr(0, csv.find("\r\n")), "month,measure,group,expected");
    EXPECT_NE(csv.find("\r\n2025-07,supervised,specialist,2.2\r\n2025-07,supervised,student,1.1\r\n"),
              std::string::npos)
        << csv;
    EXPECT_NE(csv.find("\r\n2025-07,new_reviews,study,1.1\r\n"), std::string::npos);
    // 12 months × (2 bases + total + 4 queues + total) + header.
    EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 12 * 8 + 1);
}

TEST(ForecastProjection, NewReviewsAreCappedByTheQueuesDailyCapacity) {
    reports::ForecastInputs in;
    in.as_of = *rules::parse_iso_date("2025-01-31");
    in.stock["student"].fill(100);
    in.observed["study"] = reports::QueueObservation{10, 10};  // 1 review per permit-day
    const auto f = reports::project(in, default_config());
    // Demand 1 × 100 × 28 = 2800 in February; capacity 50 a day × 28 days = 1400.
    EXPECT_EQ(f.months[0].month, "2025-02");
    EXPECT_DOUBLE_EQ(f.months[0].new_reviews.at("study"), 1400.0);
    EXPECT_DOUBLE_EQ(f.months[0].supervised.at("student"), 100.0);
}

TEST(ForecastProjection, ABasisInNoQueueGoesToGeneral) {
    EXPECT_EQ(reports::queue_of(default_config(), "researcher"), "general");
    EXPECT_EQ(reports::queue_of(default_config(), "growth_entrepreneur"), "enterprise");
}

}  // namespace
}  // namespace supervision::test
