// The forecast (docs/reports.md#forecast): its inputs read from a hand-made history as they
// were known on the forecast's day, the projection worked out by hand on plain inputs
// (stock, waiting permits, extensions, new permits, early ends, lines coming into force,
// capacity, officials, alarms), the backtest, and the formats.
#include "db/reports/outcome_rows.h"
#include "reports/forecast_format.h"
#include "reports/report_session.h"
#include "support/run_helpers.h"
#include "support/test_database.h"

#include <cmath>

namespace supervision::test {
namespace {

// An enrolment ended early, with its reason.
void ended_enrolment(pqxx::connection& c, const std::string& id, const std::string& enrolled_on,
                     const std::string& ended_on, const std::string& reason) {
    pqxx::work tx(c);
    tx.exec_params0(
        "INSERT INTO supervision.supervised_permit (permit_id, person_id, line_id, enrolled_on, enrolled_run, "
        "ended_on, "
        "end_reason, ended_run) VALUES ($1, 'PERSON-' || $1, 'some-line', $2::date, 1, $3::date, $4, 1)",
        id, enrolled_on, ended_on, reason);
    tx.commit();
}

// The last completed run is on 2025-06-15 (the first on 2024-06-10): the forecast's months
// i = 0..54 run from 2025-06 (i = 0) to 2029-12; starts are counted over 2024-06-01 …
// 2025-05-31; reviews, permit-days and early ends over 2024-06-16 … 2025-06-15.
//
// permit  basis/sequence          validity                enrolment                    notes
// K1      specialist extended     2024-01-01..2025-09-30  2024-06-17                   review 2025-01-10 (in),
// 2024-06-15 (out) K2      student first           2023-01-01..2025-12-31  2024-01-01                   review
// 2025-06-15 (the last day in) K3      specialist extended     2024-01-01..2026-12-31  2024-01-01, ended 2025-03-01
// revoked E1      specialist first        2023-06-01..2024-08-31  -                            ran out in the window,
// extended by X1 X1      specialist extended     2024-09-01..2026-08-31  2024-09-05                   E1's holder: an
// extension E2      specialist first        2023-06-01..2024-10-31  -                            revoked 2024-05-01:
// did not run out E3      specialist first        2023-06-01..2025-01-31  -                            ran out, not
// extended N1      student first           2025-01-10..2026-01-09  2025-01-13                   started in the window
// N2      student first           2025-04-01..2025-08-31  -                            started, 5 months: no line
// W1      self_employed extended  2025-03-01..2027-02-28  -                            decided 2025-02-01: its line
// comes in 2026-01-01 W2      self_employed extended  2025-01-01..2026-12-31  -                            decided
// 2024-12-01: out of the line's scope
class ForecastTest : public DbTest {
protected:
    void SetUp() override {
        DbTest::SetUp();
        auto& c = conn();
        completed_run(c, 1, "2024-06-10");
        completed_run(c, 2, "2025-06-15");
        permit_of(c, "K1", "specialist", "extended", "2022-12-01", "2024-01-01", "2025-09-30");
        permit_of(c, "K2", "student", "first", "2022-12-01", "2023-01-01", "2025-12-31");
        permit_of(c, "K3", "specialist", "extended", "2022-12-01", "2024-01-01", "2026-12-31", "revoked",
                  std::string("2025-03-01"));
        permit_of(c, "E1", "specialist", "first", "2023-05-01", "2023-06-01", "2024-08-31");
        permit_of(c, "X1", "specialist", "extended", "2024-08-15", "2024-09-01", "2026-08-31");
        exec(c, "UPDATE registry.permit SET person_id = 'PERSON-E1' WHERE permit_id = 'X1'");
        permit_of(c, "E2", "specialist", "first", "2023-05-01", "2023-06-01", "2024-10-31", "revoked",
                  std::string("2024-05-01"));
        permit_of(c, "E3", "specialist", "first", "2023-05-01", "2023-06-01", "2025-01-31");
        permit_of(c, "N1", "student", "first", "2024-12-20", "2025-01-10", "2026-01-09");
        permit_of(c, "N2", "student", "first", "2025-03-01", "2025-04-01", "2025-08-31");
        permit_of(c, "W1", "self_employed", "extended", "2025-02-01", "2025-03-01", "2027-02-28");
        permit_of(c, "W2", "self_employed", "extended", "2024-12-01", "2025-01-01", "2026-12-31");
        enrolment(c, "K1", "2024-06-17");
        enrolment(c, "K2", "2024-01-01");
        ended_enrolment(c, "K3", "2024-01-01", "2025-03-01", "revoked");
        enrolment(c, "X1", "2024-09-05");
        enrolment(c, "N1", "2025-01-13");
        review(c, 1, "K1", "2025-01-10", "closed", std::string("no_action"), "work");
        review(c, 2, "K2", "2025-06-15", "open", std::nullopt, "study");
        review(c, 3, "K1", "2024-06-15", "closed", std::string("no_action"), "work");
    }
    reports::ForecastInputs inputs(const std::string& day) {
        reports::ReportSession s(conn(), default_config());
        return reports::read_forecast_inputs(s, *rules::parse_iso_date(day));
    }
    reports::Forecast forecast() {
        reports::ReportSession s(conn(), default_config());
        return *reports::forecast(s);
    }
};

reports::Series series(int size, std::initializer_list<std::pair<int, long long>> values) {
    reports::Series s(size, 0);
    for (const auto& [i, v] : values) s[i] = v;
    return s;
}

TEST_F(ForecastTest, InputsByHand) {
    const auto in = inputs("2025-06-15");
    EXPECT_EQ(in.horizon, 54);  // 2025-07 … 2029-12
    // Under supervision on 2025-06-15: K1 and X1, K2 and N1 (K3 ended).
    EXPECT_EQ(in.supervised_now.at("specialist"), 2);
    EXPECT_EQ(in.supervised_now.at("student"), 2);
    // K1 valid to 2025-09-30 (i = 0..3), X1 to 2026-08-31 (i = 0..14); K2 and N1 to the end of
    // December 2025 (i = 6; N1 ends 2026-01-09, before January's last day).
    reports::Series specialist(55, 0), student(55, 0);
    for (int i = 0; i <= 14; ++i) specialist[i] = i <= 3 ? 2 : 1;
    for (int i = 0; i <= 6; ++i) student[i] = 2;
    EXPECT_EQ(in.stock.at("specialist"), specialist);
    EXPECT_EQ(in.stock.at("student"), student);
    // W1 waits for self-employed-extended (2026-01-01, the end of month 7) and is valid to
    // 2027-02-28 (month 20); W2 is out of its scope.
    reports::Series waiting(55, 0);
    for (int i = 7; i <= 20; ++i) waiting[i] = 1;
    EXPECT_EQ(in.waiting.at("self_employed"), waiting);
    EXPECT_EQ(in.waiting.count("specialist"), 0u);
    // First permits valid on 2025-06-15: N2 (the day after, 2025-09-01: month 3), K2 and N1
    // (2026-01-01 and 2026-01-10: month 7).
    EXPECT_EQ(in.first_ending.at("student"), series(55, {{3, 1}, {7, 2}}));
    EXPECT_EQ(in.first_ending.count("specialist"), 0u);
    // E1 and E3 ran out in 2024-06-01 … 2025-05-31, E1 extended by X1; E2 was revoked first.
    EXPECT_EQ(in.extensions.at("specialist"), std::make_pair(2LL, 1LL));
    EXPECT_EQ(in.extensions.count("student"), 0u);
    // Started in the window: X1 (an extension of E1: no new start), valid 24 months.
    const auto& x = in.started.at({"specialist", "extended"});
    EXPECT_EQ(x.starts, 1);
    EXPECT_EQ(x.new_starts, 0);
    EXPECT_EQ(x.survivors[24], 1);
    EXPECT_EQ(x.survivors[25], 0);
    // N1 (12 months, matches students-first) and N2 (5 months, does not); their day after
    // validity falls 12 and 5 months after the month they started.
    const auto& n = in.started.at({"student", "first"});
    EXPECT_EQ(n.starts, 2);
    EXPECT_EQ(n.new_starts, 2);
    EXPECT_EQ(n.survivors[1], 1);
    EXPECT_EQ(n.survivors[12], 1);
    EXPECT_EQ(n.survivors[13], 0);
    EXPECT_EQ(n.offsets[5], 1);
    EXPECT_EQ(n.offsets[12], 1);
    EXPECT_EQ(n.offsets[6], 0);
    // W1 and W2 (decided before the scope date, but a future permit is in it) are valid 24 months.
    const auto& w = in.started.at({"self_employed", "extended"});
    EXPECT_EQ(w.starts, 2);
    EXPECT_EQ(w.survivors[24], 2);
    EXPECT_EQ(w.survivors[25], 0);
    // Permit-days: K1 364 (2024-06-17 … 2025-06-15) + K3 258 (2024-06-16 … 2025-02-28) + X1 284
    // (2024-09-05 …) = 906; K2 365 + N1 154 = 519. K3's revocation is the one early end.
    // Reviews in the window: K1's of 2025-01-10 (not 2024-06-15), K2's of 2025-06-15.
    EXPECT_EQ(in.observed.at("specialist").permit_days, 906);
    EXPECT_EQ(in.observed.at("specialist").early_ends, 1);
    EXPECT_EQ(in.observed.at("specialist").reviews, 1);
    EXPECT_EQ(in.observed.at("student").permit_days, 519);
    EXPECT_EQ(in.observed.at("student").early_ends, 0);
    EXPECT_EQ(in.observed.at("student").reviews, 1);
    EXPECT_EQ(in.observed_days, 365);
}

TEST_F(ForecastTest, InputsOfAnEarlierDayKnowOnlyWhatWasKnownThen) {
    // On 2024-12-01 K3 was still supervised (ended 2025-03-01), X1 was (enrolled 2024-09-05),
    // N1 was not, and N1 and N2 were not decided.
    const auto in = inputs("2024-12-01");
    EXPECT_EQ(in.supervised_now.at("specialist"), 3);       // K1, K3, X1
    EXPECT_EQ(in.supervised_now.at("student"), 1);          // K2
    EXPECT_EQ(in.started.count({"student", "first"}), 0u);  // N1 and N2 were not decided
    // K2's reviews of 2025 are not seen; K1's of 2024-06-15 is.
    EXPECT_EQ(in.observed.at("specialist").reviews, 1);
    EXPECT_EQ(in.observed.at("student").reviews, 0);
    EXPECT_EQ(in.observed.at("specialist").early_ends, 0);
}

TEST_F(ForecastTest, TheBacktestComparesTheForecastOfAYearAgoWithWhatHappened) {
    const auto f = forecast();
    ASSERT_TRUE(f.backtest.has_value());
    const auto& b = *f.backtest;
    EXPECT_EQ(rules::to_iso(b.made_on), "2024-06-15");
    // The months after June 2024 and before June 2025.
    ASSERT_EQ(b.months.size(), 11u);
    EXPECT_EQ(b.months.front().month, "2024-07");
    EXPECT_EQ(b.months.back().month, "2025-05");
    // Under supervision at each month's end: K1, K2, K3; X1 from September; N1 from January;
    // K3 ended 2025-03-01.
    const std::vector<long long> supervised{3, 3, 4, 4, 4, 4, 5, 5, 4, 4, 4};
    std::vector<long long> got, reviews;
    for (const auto& m : b.months) {
        got.push_back(m.supervised_observed);
        reviews.push_back(m.reviews_observed);
    }
    EXPECT_EQ(got, supervised);
    EXPECT_EQ(reviews, (std::vector<long long>{0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0}));  // K1's of 2025-01-10
    // The forecast side is the projection from 2024-06-15, month by month.
    reports::ReportSession s(conn(), default_config());
    const auto then =
        reports::project(reports::read_forecast_inputs(s, *rules::parse_iso_date("2024-06-15")), default_config());
    double supervised_error = 0;
    for (std::size_t i = 0; i < b.months.size(); ++i) {
        EXPECT_EQ(then.months[i].label, b.months[i].month);
        EXPECT_DOUBLE_EQ(b.months[i].supervised_forecast, then.months[i].supervised_total);
        EXPECT_DOUBLE_EQ(b.months[i].reviews_forecast, then.months[i].new_reviews_total);
        supervised_error += std::fabs(then.months[i].supervised_total - supervised[i]) / supervised[i] * 100 / 11;
    }
    EXPECT_NEAR(*b.supervised_error_pct, supervised_error, 1e-9);
    // Reviews: only January had one, so the error is that month's.
    EXPECT_NEAR(*b.reviews_error_pct, std::fabs(then.months[6].new_reviews_total - 1) * 100, 1e-9);
}

TEST_F(ForecastTest, NoBacktestWithoutARunAYearBefore) {
    exec(conn(), "DELETE FROM supervision.run WHERE run_id = 1");
    EXPECT_FALSE(forecast().backtest.has_value());
}

// ---- the projection, on plain inputs ---------------------------------------------------

// As of 2025-11-15: months i = 0..49 (2025-11 … 2029-12), the monthly part 2025-12 … 2026-12.
// Specialists: 100 supervised until the end of January (i ≤ 2); 12 first permits started in
// the last 12 months, each valid 24 months (and its day after falls 24 months on): one a
// month from now on, each staying 24 months; 6 extended ones, valid 12 months, none new;
// of 10 first permits that ran out, 5 were extended: 0.5; 10 of today's first permits run
// out so that their extension starts in February (i = 3). Reviews: 120 over 36 525
// permit-days; no early end.
reports::ForecastInputs specialist_inputs() {
    reports::ForecastInputs in;
    in.as_of = *rules::parse_iso_date("2025-11-15");
    in.horizon = reports::horizon_months(in.as_of);
    in.supervised_now["specialist"] = 100;
    in.stock["specialist"] = series(in.horizon + 1, {{0, 100}, {1, 100}, {2, 100}});
    auto& first = in.started[{"specialist", "first"}];
    first.starts = first.new_starts = 12;
    first.survivors.assign(in.horizon + 2, 0);
    first.offsets.assign(in.horizon + 2, 0);
    for (int k = 0; k <= 24; ++k) first.survivors[k] = 12;
    first.offsets[24] = 12;
    auto& ext = in.started[{"specialist", "extended"}];
    ext.starts = 6;
    ext.survivors.assign(in.horizon + 2, 0);
    ext.offsets.assign(in.horizon + 2, 0);
    for (int k = 0; k <= 12; ++k) ext.survivors[k] = 6;
    in.extensions["specialist"] = {10, 5};
    in.first_ending["specialist"] = series(in.horizon + 1, {{3, 10}});
    in.observed["specialist"] = reports::BasisObservation{36525, 0, 120};
    in.observed_days = 365;
    return in;
}

TEST(ForecastProjection, MonthsAndYearsAhead) {
    const auto f = reports::project(specialist_inputs(), default_config());
    EXPECT_EQ(f.inputs.horizon, 49);
    ASSERT_EQ(f.months.size(), 13u);
    EXPECT_EQ(f.months.front().label, "2025-12");
    EXPECT_EQ(f.months.back().label, "2026-12");
    ASSERT_EQ(f.years.size(), 4u);
    EXPECT_EQ(f.years.front().label, "2026");
    EXPECT_EQ(f.years.back().label, "2029");
}

TEST(ForecastProjection, TheStockByHand) {
    const auto f = reports::project(specialist_inputs(), default_config());
    auto at = [&](std::size_t m) { return f.months[m].supervised.at("specialist"); };
    // December (i = 1): the 100 + one new first permit = 101.
    EXPECT_NEAR(at(0), 101, 1e-9);
    // January (i = 2): 100 + 2 = 102.
    EXPECT_NEAR(at(1), 102, 1e-9);
    // February (i = 3): today's 100 have run out; 10 × 0.5 = 5 extensions start; 3 new firsts.
    EXPECT_NEAR(at(2), 8, 1e-9);
    // December 2026 (i = 13): the 5 extensions (valid 12 months: still in their 11th) + 13 firsts.
    EXPECT_NEAR(at(12), 18, 1e-9);
    EXPECT_NEAR(f.months[12].supervised_total, 18, 1e-9);
    EXPECT_NEAR(f.years[0].supervised_total, 18, 1e-9);
    // December 2027 (i = 25): the extensions are gone; firsts of months 2..25 (24); the first
    // of month 1 ran out in its month 25 and half of it is extended: 24.5.
    EXPECT_NEAR(f.years[1].supervised_total, 24.5, 1e-9);
    // December 2028 (i = 37): 24 firsts; the extensions of the firsts of months 2..13 (half of
    // 12, each valid 12 months): 30. December 2029: the same steady state.
    EXPECT_NEAR(f.years[2].supervised_total, 30, 1e-9);
    EXPECT_NEAR(f.years[3].supervised_total, 30, 1e-9);
    // Growth over the previous year-end: 2026 against December 2025 (101), then year on year.
    EXPECT_NEAR(*f.years[0].growth_pct, 100.0 * (18 - 101) / 101, 1e-9);
    EXPECT_NEAR(*f.years[1].growth_pct, 100.0 * (24.5 - 18) / 18, 1e-9);
    EXPECT_NEAR(*f.years[2].growth_pct, 100.0 * (30 - 24.5) / 24.5, 1e-9);
    EXPECT_NEAR(*f.years[3].growth_pct, 0, 1e-9);
}

TEST(ForecastProjection, ReviewsCapacityAndOfficialsByHand) {
    const auto f = reports::project(specialist_inputs(), default_config());
    const double rate = 120.0 / 36525;  // reviews per permit-day
    // December: 101 permits × 31 days; capacity 50 a day; 300 decided reviews a person-year.
    EXPECT_NEAR(f.months[0].review_demand.at("work"), rate * 101 * 31, 1e-9);
    EXPECT_NEAR(f.months[0].new_reviews.at("work"), rate * 101 * 31, 1e-9);
    EXPECT_NEAR(f.months[0].capacity.at("work"), 50 * 31, 1e-9);
    EXPECT_NEAR(f.months[0].officials.at("work"), rate * 101 * 31 * 12 / 300, 1e-9);
    EXPECT_NEAR(f.months[0].review_demand.at("study"), 0, 1e-12);
    // 2026: January 102; February 8 (28 days); March … December 5 + i.
    const double demand_2026 = rate * (102 * 31 + 8 * 28 + 9 * 31 + 10 * 30 + 11 * 31 + 12 * 30 + 13 * 31 + 14 * 31 +
                                       15 * 30 + 16 * 31 + 17 * 30 + 18 * 31);
    EXPECT_NEAR(f.years[0].review_demand.at("work"), demand_2026, 1e-9);
    EXPECT_NEAR(f.years[0].review_demand_total, demand_2026, 1e-9);
    EXPECT_NEAR(f.years[0].capacity.at("work"), 50 * 365, 1e-9);
    EXPECT_NEAR(f.years[0].officials.at("work"), demand_2026 / 300, 1e-9);
    EXPECT_NEAR(f.years[0].officials_total, demand_2026 / 300, 1e-9);
    EXPECT_NEAR(f.years[2].capacity.at("work"), 50 * 366, 1e-9);  // 2028: a leap year
}

TEST(ForecastProjection, StockGrowthOverItsThresholdIsAnAlarm) {
    const auto f = reports::project(specialist_inputs(), default_config());
    // 2027 grows 36.1 % (> 25); 2028 22.4 % and 2029 0 % do not; 2026 falls.
    ASSERT_EQ(f.alarms.size(), 1u);
    EXPECT_EQ(f.alarms[0].alarm, "stock_growth");
    EXPECT_EQ(f.alarms[0].period, "2027");
    EXPECT_NEAR(*f.alarms[0].value, 100.0 * 6.5 / 18, 1e-9);
    EXPECT_EQ(f.alarms[0].threshold, 25);
    // At the threshold itself, no alarm: "more than".
    const auto exact = reports::project(specialist_inputs(),
                                        config_replacing("alarm_stock_growth_pct: [{from: 2000-01-01, value: 25}]",
                                                         "alarm_stock_growth_pct: [{from: 2000-01-01, value: 36.2}]"));
    EXPECT_TRUE(exact.alarms.empty());
}

TEST(ForecastProjection, EarlyEndsThinTheStockMonthByMonth) {
    reports::ForecastInputs in;
    in.as_of = *rules::parse_iso_date("2025-11-15");
    in.horizon = reports::horizon_months(in.as_of);
    in.stock["student"] = reports::Series(in.horizon + 1, 100);
    // 12 early ends over 36 525 permit-days (1 200 permit-months of 365.25 / 12 days): 1 % a month.
    in.observed["student"] = reports::BasisObservation{36525, 12, 0};
    const auto f = reports::project(in, default_config());
    EXPECT_NEAR(f.early_end_rate.at("student"), 0.01, 1e-12);
    EXPECT_NEAR(f.months[0].supervised.at("student"), 99, 1e-9);
    EXPECT_NEAR(f.years[0].supervised_total, 100 * std::pow(0.99, 13), 1e-9);
    // A basis without supervision of its own takes the rate of every basis observed.
    in.stock["specialist"] = reports::Series(in.horizon + 1, 50);
    EXPECT_NEAR(reports::project(in, default_config()).months[0].supervised.at("specialist"), 49.5, 1e-9);
}

TEST(ForecastProjection, ALineComingIntoForceTakesItsPermitsFromItsFirstMonth) {
    reports::ForecastInputs in;
    in.as_of = *rules::parse_iso_date("2025-11-15");
    in.horizon = reports::horizon_months(in.as_of);
    // Self-employed first permits: one a month, valid 24 months; 5 already valid wait for the
    // line of 2026-01-01.
    auto& first = in.started[{"self_employed", "first"}];
    first.starts = first.new_starts = 12;
    first.survivors.assign(in.horizon + 2, 0);
    first.offsets.assign(in.horizon + 2, 0);
    for (int k = 0; k <= 24; ++k) first.survivors[k] = 12;
    in.waiting["self_employed"] = reports::Series(in.horizon + 1, 0);
    for (int i = 2; i <= in.horizon; ++i) in.waiting["self_employed"][i] = 5;
    const auto f = reports::project(in, default_config());
    // December 2025: no line yet. January 2026: the 5 waiting and the new permits of December
    // and January.
    EXPECT_NEAR(f.months[0].supervised.at("self_employed"), 0, 1e-12);
    EXPECT_NEAR(f.months[1].supervised.at("self_employed"), 7, 1e-9);
}

TEST(ForecastProjection, NewReviewsAreCappedByCapacityAndOverItIsAnAlarm) {
    reports::ForecastInputs in;
    in.as_of = *rules::parse_iso_date("2025-11-15");
    in.horizon = reports::horizon_months(in.as_of);
    in.stock["student"] = reports::Series(in.horizon + 1, 1000);
    in.observed["student"] = reports::BasisObservation{1000, 0, 100};  // 0.1 reviews a permit-day
    const auto f = reports::project(in, default_config());
    // December: 0.1 × 1 000 × 31 = 3 100 called for; 50 × 31 = 1 550 opened: 200 %.
    EXPECT_NEAR(f.months[0].review_demand.at("study"), 3100, 1e-9);
    EXPECT_NEAR(f.months[0].new_reviews.at("study"), 1550, 1e-9);
    std::vector<std::string> periods;
    for (const auto& a : f.alarms) {
        EXPECT_EQ(a.alarm, "reviews_over_capacity");
        EXPECT_EQ(a.queue, "study");
        EXPECT_NEAR(*a.value, 200, 1e-9);
        periods.push_back(a.period);
    }
    ASSERT_EQ(periods.size(), 13u + 4u);  // every month of the monthly part, every year
    EXPECT_EQ(periods.front(), "2025-12");
    EXPECT_EQ(periods.back(), "2029");
    // A queue with no capacity at all: an alarm without a percentage.
    const auto none = reports::project(
        in, config_replacing("    bases: [student]\n    daily_capacity: [{from: 2000-01-01, value: 50}]",
                             "    bases: [student]\n    daily_capacity: [{from: 2000-01-01, value: 0}]"));
    ASSERT_FALSE(none.alarms.empty());
    EXPECT_FALSE(none.alarms.front().value.has_value());
    EXPECT_NEAR(none.months[0].new_reviews.at("study"), 0, 1e-12);
}

TEST(ForecastProjection, WithoutTheForecastSectionThereAreNoOfficialsAndNoAlarms) {
    const auto cfg = config_replacing({{"  decided_reviews_per_person_year: [{from: 2000-01-01, value: 300}]\n", ""},
                                       {"  alarm_stock_growth_pct: [{from: 2000-01-01, value: 25}]\n", ""},
                                       {"  alarm_reviews_over_capacity_pct: [{from: 2000-01-01, value: 100}]\n", ""},
                                       {"\nforecast:\n", "\n"}});
    const auto f = reports::project(specialist_inputs(), cfg);
    EXPECT_TRUE(f.alarms.empty());
    EXPECT_FALSE(f.months[0].has_officials);
    EXPECT_TRUE(reports::forecast_json(f, false)["months"][0]["officials_needed"].is_null());
}

TEST(ForecastFormats, JsonCsvAndMetrics) {
    const auto f = reports::project(specialist_inputs(), default_config());
    const auto j = reports::forecast_json(f, false);
    EXPECT_EQ(j["based_on_run_as_of"], "2025-11-15");
    EXPECT_EQ(j["now"]["supervised"]["specialist"], 100);
    EXPECT_EQ(j["months"][0]["month"], "2025-12");
    EXPECT_EQ(j["months"][0]["supervised"]["specialist"], 101.0);
    EXPECT_EQ(j["years"][1]["year"], 2027);
    EXPECT_EQ(j["years"][1]["supervised"]["total"], 24.5);
    EXPECT_EQ(j["years"][1]["supervised_growth_pct"], 36.1);
    EXPECT_EQ(j["years"][0]["capacity"]["work"], 18250.0);
    EXPECT_EQ(j["alarms"][0],
              nlohmann::json::parse(
                  R"({"alarm": "stock_growth", "period": "2027", "value_pct": 36.1, "threshold_pct": 25.0})"));
    EXPECT_EQ(j["settings"]["decided_reviews_per_person_year"], 300.0);
    EXPECT_EQ(j["inputs"]["bases"]["specialist"]["extension_pct"], 50.0);
    // 120 reviews over 36 525 permit-days: 120 × 30.4375 / 36 525 × 100 = 10.0 per 100 permit-months.
    EXPECT_EQ(j["inputs"]["bases"]["specialist"]["reviews_per_100_permit_months"], 10.0);
    EXPECT_TRUE(j["backtest"].is_null());
    // Published: a figure above 0 and below 5 is "<5"; 2026-02 holds 8.
    const auto p = reports::forecast_json(f, true);
    EXPECT_EQ(p["months"][2]["supervised"]["specialist"], 8.0);
    EXPECT_EQ(p["months"][0]["review_demand"]["work"], 10.0);  // 10.29, whole when published
    const auto csv = reports::forecast_csv(f, false);
    EXPECT_EQ(csv.substr(0, csv.find("\r\n")), "month,measure,group,expected");
    EXPECT_NE(csv.find("\r\n2025-12,supervised,specialist,101.0\r\n"), std::string::npos) << csv;
    EXPECT_NE(csv.find("\r\n2025-12,capacity,work,1550\r\n"), std::string::npos) << csv;
    const auto years = reports::forecast_years_csv(f, false);
    EXPECT_NE(years.find("\r\n2027,supervised_growth_pct,total,36.1\r\n"), std::string::npos) << years;
    EXPECT_EQ(reports::forecast_alarms_csv(f),
              "alarm,queue,period,value_pct,threshold_pct\r\nstock_growth,,2027,36.1,25.0\r\n");
    const auto metrics = reports::forecast_metrics_text(f);
    EXPECT_NE(metrics.find("\nsupervision_forecast_available 1\n"), std::string::npos) << metrics;
    EXPECT_NE(metrics.find("\nsupervision_forecast_alarms 1\n"), std::string::npos) << metrics;
    EXPECT_NE(metrics.find("\nsupervision_forecast_alarm{alarm=\"stock_growth\",queue=\"\",period=\"2027\"} 1\n"),
              std::string::npos);
    EXPECT_NE(metrics.find("\nsupervision_forecast_supervised_permits{year=\"2027\"} 24.5\n"), std::string::npos);
    EXPECT_NE(metrics.find("\nsupervision_forecast_alarm_threshold_percent{alarm=\"stock_growth\"} 25\n"),
              std::string::npos);
    EXPECT_EQ(reports::forecast_metrics_text(std::nullopt),
              "# HELP supervision_forecast_available 1 if a run has completed, so that there is a forecast.\n"
              "# TYPE supervision_forecast_available gauge\nsupervision_forecast_available 0\n");
}

TEST(ForecastProjection, ABasisInNoQueueGoesToGeneral) {
    EXPECT_EQ(reports::queue_of(default_config(), "researcher"), "general");
    EXPECT_EQ(reports::queue_of(default_config(), "growth_entrepreneur"), "enterprise");
    EXPECT_EQ(reports::queue_of(default_config(), "eu_blue_card"), "work");
}

TEST(ForecastProjection, TheHorizonRunsToDecemberFourYearsOn) {
    EXPECT_EQ(reports::horizon_months(*rules::parse_iso_date("2026-12-07")), 48);  // 2027-01 … 2030-12
    EXPECT_EQ(reports::horizon_months(*rules::parse_iso_date("2026-01-01")), 59);  // 2026-02 … 2030-12
    EXPECT_EQ(reports::horizon_months(*rules::parse_iso_date("2024-02-29")), 58);
}

}  // namespace
}  // namespace supervision::test
