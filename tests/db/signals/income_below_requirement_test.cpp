// rules.md §4–5 income_below_requirement: the last 3 evaluation months, grace, the
// requirement per month (configured by basis/sequence in force on the month's first day,
// or the permit's own), attribution by period_end, completeness, and the lifecycle.
#include "support/registry_builder.h"
#include "support/run_helpers.h"
#include "support/signal_queries.h"
#include "support/test_database.h"
#include "support/test_dates.h"

#include <cstdio>
#include <string>

namespace supervision::test {
namespace {

constexpr const char* kType = "income_below_requirement";

// One whole-month income record for the person in the month (y, m).
void month_income(pqxx::connection& c, const std::string& person, int y, int m, const std::string& amount,
                  const std::string& payer = "E-1") {
    IncomeRow r;
    r.record_id = person + "-" + payer + "-" + ymd(y, m, 1);
    r.person_id = person;
    r.payer_id = payer;
    r.period_start = ymd(y, m, 1);
    r.period_end = ymd(y, m, days_in_month(y, m));
    r.gross_amount = amount;
    insert(c, r);
}

// `count` consecutive whole-month income records from (y, m), each of `amount`.
void monthly_incomes(pqxx::connection& c, const std::string& person, int y, int m, int count, const std::string& amount,
                     const std::string& payer = "E-1") {
    for (int i = 0; i < count; ++i) {
        month_income(c, person, y, m, amount, payer);
        if (++m > 12) {
            m = 1;
            ++y;
        }
    }
}

PermitRow specialist_extended(const std::string& permit, const std::string& person) {
    PermitRow p;  // defaults: specialist, extended, decided 2024-01-01, valid 2024-01-01..2026-12-31
    p.permit_id = permit;
    p.person_id = person;
    return p;
}

PermitRow employed(const std::string& permit, const std::string& person, const std::string& sequence) {
    PermitRow p;
    p.permit_id = permit;
    p.person_id = person;
    p.basis = "employed";
    p.sequence = sequence;
    p.decision_date = "2024-05-01";
    p.valid_from = "2024-06-01";
    p.valid_until = "2026-05-31";  // more than 12 months
    return p;
}

using IncomeBelowTest = DbTest;

double num(const nlohmann::json& j) {
    return j.get<double>();
}

TEST_F(IncomeBelowTest, WindowIsTheLastThreeCompleteEvaluationMonths) {
    insert(conn(), specialist_extended("P-1", "H-1"));
    monthly_incomes(conn(), "H-1", 2024, 1, 6, "3000.00");
    set_all_sources(conn(), "2024-06-30");
    run_on(conn(), "2024-07-01");

    const auto s = signals_of(conn(), "P-1", kType);
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].status, "open");
    EXPECT_EQ(s[0].period_start, "2024-04-01");
    EXPECT_EQ(s[0].period_end, "2024-06-30");
    EXPECT_EQ(s[0].raised_on, "2024-07-01");
    EXPECT_DOUBLE_EQ(s[0].weight, 1.0);
    const auto& ev = s[0].evidence;
    ASSERT_EQ(ev["months"].size(), 3u);
    EXPECT_EQ(ev["months"][0]["month"], "2024-04");
    EXPECT_EQ(ev["months"][2]["month"], "2024-06");
    for (const auto& m : ev["months"]) {
        EXPECT_DOUBLE_EQ(num(m["income"]), 3000.0);
        EXPECT_DOUBLE_EQ(num(m["requirement"]), 3638.0);
        EXPECT_EQ(m["requirement_source"], "configuration");
        EXPECT_EQ(m["requirement_in_force_from"], "2024-01-01");
    }
    EXPECT_DOUBLE_EQ(num(ev["average_income"]), 3000.0);
    EXPECT_DOUBLE_EQ(num(ev["average_requirement"]), 3638.0);
    EXPECT_EQ(ev["window_months"]["value"], 3);
    EXPECT_EQ(ev["incomes_complete_through"], "2024-06-30");
}

TEST_F(IncomeBelowTest, AverageEqualToTheRequirementIsNotBelowOneCentLessIs) {
    insert(conn(), specialist_extended("P-1", "H-1"));
    insert(conn(), specialist_extended("P-2", "H-2"));
    monthly_incomes(conn(), "H-1", 2024, 4, 3, "3638.00");
    monthly_incomes(conn(), "H-2", 2024, 4, 2, "3638.00");
    month_income(conn(), "H-2", 2024, 6, "3637.97");
    set_all_sources(conn(), "2024-06-30");
    run_on(conn(), "2024-07-01");

    EXPECT_TRUE(signals_of(conn(), "P-1", kType).empty());
    const auto s = open_signal(conn(), "P-2", kType);
    ASSERT_TRUE(s.has_value());
    EXPECT_DOUBLE_EQ(num(s->evidence["average_income"]), 3637.99);
    EXPECT_DOUBLE_EQ(num(s->evidence["average_requirement"]), 3638.0);
}

TEST_F(IncomeBelowTest, AllZeroMonthsAreNoIncomeNotIncomeBelow) {
    insert(conn(), specialist_extended("P-1", "H-1"));
    set_all_sources(conn(), "2024-06-30");
    run_on(conn(), "2024-07-01");

    EXPECT_TRUE(signals_of(conn(), "P-1", kType).empty());
    EXPECT_TRUE(open_signal(conn(), "P-1", "no_income").has_value());
}

TEST_F(IncomeBelowTest, OneMonthAboveZeroWithALowAverageRaises) {
    insert(conn(), specialist_extended("P-1", "H-1"));
    month_income(conn(), "H-1", 2024, 6, "100.00");
    set_all_sources(conn(), "2024-06-30");
    run_on(conn(), "2024-07-01");

    const auto s = open_signal(conn(), "P-1", kType);
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->period_start, "2024-04-01");
    EXPECT_EQ(s->period_end, "2024-06-30");
    EXPECT_DOUBLE_EQ(num(s->evidence["months"][0]["income"]), 0.0);
    EXPECT_DOUBLE_EQ(num(s->evidence["months"][2]["income"]), 100.0);
    EXPECT_DOUBLE_EQ(num(s->evidence["average_income"]), 33.33);
}

TEST_F(IncomeBelowTest, FewerThanThreeEvaluationMonthsRaiseNothing) {
    auto p = specialist_extended("P-1", "H-1");
    p.valid_from = "2024-05-01";
    insert(conn(), p);
    monthly_incomes(conn(), "H-1", 2024, 1, 7, "1000.00");  // also before validity
    set_all_sources(conn(), "2024-06-30");
    run_on(conn(), "2024-07-01");  // May and June only
    EXPECT_TRUE(signals_of(conn(), "P-1", kType).empty());

    set_all_sources(conn(), "2024-07-31");
    run_on(conn(), "2024-08-01");
    const auto s = open_signal(conn(), "P-1", kType);
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->period_start, "2024-05-01");
    EXPECT_EQ(s->period_end, "2024-07-31");
    EXPECT_EQ(s->raised_on, "2024-08-01");
}

TEST_F(IncomeBelowTest, FirstPermitGraceSkipsTheMonthsBeforeAddMonthsOfTwo) {
    // valid_from 2024-04-01: grace ends 2024-06-01, June is evaluated.
    // valid_from 2024-04-02: grace ends 2024-06-02, the first evaluated month is July.
    auto p1 = specialist_extended("P-1", "H-1");
    p1.sequence = "first";
    p1.valid_from = "2024-04-01";
    p1.valid_until = "2026-03-31";
    auto p2 = specialist_extended("P-2", "H-2");
    p2.sequence = "first";
    p2.valid_from = "2024-04-02";
    p2.valid_until = "2026-04-01";
    insert(conn(), p1);
    insert(conn(), p2);
    monthly_incomes(conn(), "H-1", 2024, 4, 6, "1000.00");
    monthly_incomes(conn(), "H-2", 2024, 4, 6, "1000.00");
    set_all_sources(conn(), "2024-08-31");
    run_on(conn(), "2024-09-01");

    const auto s1 = open_signal(conn(), "P-1", kType);
    ASSERT_TRUE(s1.has_value());
    EXPECT_EQ(s1->period_start, "2024-06-01");
    EXPECT_EQ(s1->period_end, "2024-08-31");
    EXPECT_EQ(s1->evidence["grace_months"], 2);
    EXPECT_TRUE(signals_of(conn(), "P-2", kType).empty());  // July and August only

    set_all_sources(conn(), "2024-09-30");
    run_on(conn(), "2024-10-01");
    const auto s2 = open_signal(conn(), "P-2", kType);
    ASSERT_TRUE(s2.has_value());
    EXPECT_EQ(s2->period_start, "2024-07-01");
    EXPECT_EQ(s2->period_end, "2024-09-30");
    EXPECT_EQ(s2->raised_on, "2024-10-01");
}

TEST_F(IncomeBelowTest, ExtendedPermitHasNoGrace) {
    auto p = specialist_extended("P-1", "H-1");
    p.valid_from = "2024-04-01";
    insert(conn(), p);
    monthly_incomes(conn(), "H-1", 2024, 4, 3, "1000.00");
    set_all_sources(conn(), "2024-06-30");
    run_on(conn(), "2024-07-01");

    const auto s = open_signal(conn(), "P-1", kType);
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->period_start, "2024-04-01");
    EXPECT_EQ(s->period_end, "2024-06-30");
    EXPECT_EQ(s->evidence["grace_months"], 0);
}

TEST_F(IncomeBelowTest, EmployedExtendedRequirementIs1600FromFirstApril2025) {
    auto p = employed("P-1", "H-1", "extended");
    insert(conn(), p);
    monthly_incomes(conn(), "H-1", 2024, 10, 9, "1500.00");  // Oct 2024 – Jun 2025

    set_all_sources(conn(), "2025-03-31");
    run_on(conn(), "2025-04-01");  // Jan–Mar 2025: 1 399 each
    EXPECT_TRUE(signals_of(conn(), "P-1", kType).empty());

    set_all_sources(conn(), "2025-04-30");
    run_on(conn(), "2025-05-01");  // Feb–Apr: (1 399 + 1 399 + 1 600) / 3 = 1 466 < 1 500
    EXPECT_TRUE(signals_of(conn(), "P-1", kType).empty());

    set_all_sources(conn(), "2025-05-31");
    run_on(conn(), "2025-06-01");  // Mar–May: (1 399 + 1 600 + 1 600) / 3 = 1 533 > 1 500
    const auto s = open_signal(conn(), "P-1", kType);
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->period_start, "2025-03-01");
    EXPECT_EQ(s->period_end, "2025-05-31");
    EXPECT_EQ(s->raised_on, "2025-06-01");
    const auto& m = s->evidence["months"];
    ASSERT_EQ(m.size(), 3u);
    EXPECT_EQ(m[0]["month"], "2025-03");
    EXPECT_DOUBLE_EQ(num(m[0]["requirement"]), 1399.0);
    EXPECT_EQ(m[0]["requirement_in_force_from"], "2024-01-01");
    EXPECT_EQ(m[1]["month"], "2025-04");
    EXPECT_DOUBLE_EQ(num(m[1]["requirement"]), 1600.0);
    EXPECT_EQ(m[1]["requirement_in_force_from"], "2025-04-01");
    EXPECT_DOUBLE_EQ(num(m[2]["requirement"]), 1600.0);
    EXPECT_DOUBLE_EQ(num(s->evidence["average_requirement"]), 1533.0);
    EXPECT_DOUBLE_EQ(num(s->evidence["average_income"]), 1500.0);
}

TEST_F(IncomeBelowTest, EmployedFirstRequirementIs1600FromFirstJanuary2025) {
    insert(conn(), employed("P-1", "H-1", "first"));
    insert(conn(), employed("P-2", "H-2", "extended"));
    monthly_incomes(conn(), "H-1", 2024, 11, 3, "1450.00");
    monthly_incomes(conn(), "H-2", 2024, 11, 3, "1450.00");
    set_all_sources(conn(), "2025-01-31");
    run_on(conn(), "2025-02-01");  // Nov 2024 – Jan 2025

    const auto s = open_signal(conn(), "P-1", kType);
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->period_start, "2024-11-01");
    EXPECT_EQ(s->period_end, "2025-01-31");
    const auto& m = s->evidence["months"];
    ASSERT_EQ(m.size(), 3u);
    EXPECT_DOUBLE_EQ(num(m[1]["requirement"]), 1399.0);
    EXPECT_EQ(m[1]["requirement_in_force_from"], "2024-01-01");
    EXPECT_EQ(m[2]["month"], "2025-01");
    EXPECT_DOUBLE_EQ(num(m[2]["requirement"]), 1600.0);
    EXPECT_EQ(m[2]["requirement_in_force_from"], "2025-01-01");
    EXPECT_DOUBLE_EQ(num(s->evidence["average_requirement"]), 1466.0);
    // The extended permit still has 1 399 in January 2025.
    EXPECT_TRUE(signals_of(conn(), "P-2", kType).empty());
}

TEST_F(IncomeBelowTest, SpecialistRequirementIs3827FromFirstJanuary2025) {
    insert(conn(), specialist_extended("P-1", "H-1"));
    monthly_incomes(conn(), "H-1", 2024, 9, 5, "3700.00");
    set_all_sources(conn(), "2024-12-31");
    run_on(conn(), "2025-01-01");  // Oct–Dec 2024 at 3 638
    EXPECT_TRUE(signals_of(conn(), "P-1", kType).empty());

    set_all_sources(conn(), "2025-01-31");
    run_on(conn(), "2025-02-01");  // (3 638 + 3 638 + 3 827) / 3 = 3 701 > 3 700
    const auto s = open_signal(conn(), "P-1", kType);
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->period_start, "2024-11-01");
    EXPECT_EQ(s->period_end, "2025-01-31");
    const auto& m = s->evidence["months"];
    EXPECT_DOUBLE_EQ(num(m[1]["requirement"]), 3638.0);
    EXPECT_DOUBLE_EQ(num(m[2]["requirement"]), 3827.0);
    EXPECT_EQ(m[2]["requirement_in_force_from"], "2025-01-01");
    EXPECT_DOUBLE_EQ(num(s->evidence["average_requirement"]), 3701.0);
}

TEST_F(IncomeBelowTest, SpecialistRequirementIs3937FromFirstJanuary2026) {
    insert(conn(), specialist_extended("P-1", "H-1"));
    monthly_incomes(conn(), "H-1", 2025, 9, 5, "3850.00");
    set_all_sources(conn(), "2025-12-31");
    run_on(conn(), "2026-01-01");  // Oct–Dec 2025 at 3 827
    EXPECT_TRUE(signals_of(conn(), "P-1", kType).empty());

    set_all_sources(conn(), "2026-01-31");
    run_on(conn(), "2026-02-01");  // (3 827 + 3 827 + 3 937) / 3 = 3 863.67 > 3 850
    const auto s = open_signal(conn(), "P-1", kType);
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->period_start, "2025-11-01");
    EXPECT_EQ(s->period_end, "2026-01-31");
    const auto& m = s->evidence["months"];
    EXPECT_DOUBLE_EQ(num(m[1]["requirement"]), 3827.0);
    EXPECT_EQ(m[1]["requirement_in_force_from"], "2025-01-01");
    EXPECT_DOUBLE_EQ(num(m[2]["requirement"]), 3937.0);
    EXPECT_EQ(m[2]["requirement_in_force_from"], "2026-01-01");
    EXPECT_DOUBLE_EQ(num(s->evidence["average_requirement"]), 3863.67);
}

TEST_F(IncomeBelowTest, PermitsOwnRequirementOverridesTheConfiguration) {
    auto higher = specialist_extended("P-1", "H-1");
    higher.required_monthly_income = "5000.00";
    auto lower = specialist_extended("P-2", "H-2");
    lower.required_monthly_income = "2000.00";
    insert(conn(), higher);
    insert(conn(), lower);
    monthly_incomes(conn(), "H-1", 2024, 4, 3, "4000.00");  // above 3 638, below 5 000
    monthly_incomes(conn(), "H-2", 2024, 4, 3, "3000.00");  // below 3 638, above 2 000
    set_all_sources(conn(), "2024-06-30");
    run_on(conn(), "2024-07-01");

    const auto s = open_signal(conn(), "P-1", kType);
    ASSERT_TRUE(s.has_value());
    for (const auto& m : s->evidence["months"]) {
        EXPECT_DOUBLE_EQ(num(m["requirement"]), 5000.0);
        EXPECT_EQ(m["requirement_source"], "permit");
        EXPECT_TRUE(m["requirement_in_force_from"].is_null());
    }
    EXPECT_DOUBLE_EQ(num(s->evidence["average_requirement"]), 5000.0);
    EXPECT_TRUE(signals_of(conn(), "P-2", kType).empty());
}

TEST_F(IncomeBelowTest, MonthlyIncomeIsSummedOverPayers) {
    insert(conn(), specialist_extended("P-1", "H-1"));
    insert(conn(), specialist_extended("P-2", "H-2"));
    monthly_incomes(conn(), "H-1", 2024, 4, 3, "2000.00", "E-1");
    monthly_incomes(conn(), "H-1", 2024, 4, 3, "2000.00", "E-2");  // 4 000 a month: not below
    monthly_incomes(conn(), "H-2", 2024, 4, 3, "1500.00", "E-1");
    monthly_incomes(conn(), "H-2", 2024, 4, 3, "1500.00", "E-2");  // 3 000 a month: below
    set_all_sources(conn(), "2024-06-30");
    run_on(conn(), "2024-07-01");

    EXPECT_TRUE(signals_of(conn(), "P-1", kType).empty());
    const auto s = open_signal(conn(), "P-2", kType);
    ASSERT_TRUE(s.has_value());
    for (const auto& m : s->evidence["months"]) EXPECT_DOUBLE_EQ(num(m["income"]), 3000.0);
}

TEST_F(IncomeBelowTest, IncomeIsAttributedToTheMonthOfPeriodEnd) {
    insert(conn(), specialist_extended("P-1", "H-1"));
    month_income(conn(), "H-1", 2025, 1, "4000.00");
    IncomeRow across;
    across.record_id = "R-across";
    across.period_start = "2025-01-20";
    across.period_end = "2025-02-03";
    across.gross_amount = "1000.00";
    insert(conn(), across);
    month_income(conn(), "H-1", 2025, 3, "4000.00");
    set_all_sources(conn(), "2025-03-31");
    run_on(conn(), "2025-04-01");

    const auto s = open_signal(conn(), "P-1", kType);
    ASSERT_TRUE(s.has_value());
    const auto& m = s->evidence["months"];
    ASSERT_EQ(m.size(), 3u);
    EXPECT_EQ(m[0]["month"], "2025-01");
    EXPECT_DOUBLE_EQ(num(m[0]["income"]), 4000.0);
    EXPECT_EQ(m[1]["month"], "2025-02");
    EXPECT_DOUBLE_EQ(num(m[1]["income"]), 1000.0);
    EXPECT_DOUBLE_EQ(num(m[2]["income"]), 4000.0);
}

TEST_F(IncomeBelowTest, MonthNotCompleteThroughItsLastDayIsNotEvaluated) {
    insert(conn(), specialist_extended("P-1", "H-1"));
    monthly_incomes(conn(), "H-1", 2024, 3, 3, "4000.00");  // Mar–May; nothing in June
    set_all_sources(conn(), "2024-06-29");
    run_on(conn(), "2024-07-01");  // Mar–May
    EXPECT_TRUE(signals_of(conn(), "P-1", kType).empty());

    set_all_sources(conn(), "2024-06-30");
    run_on(conn(), "2024-07-01");  // Apr–Jun: (4 000 + 4 000 + 0) / 3
    const auto s = open_signal(conn(), "P-1", kType);
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->period_start, "2024-04-01");
    EXPECT_EQ(s->period_end, "2024-06-30");
    EXPECT_DOUBLE_EQ(num(s->evidence["average_income"]), 2666.67);
}

TEST_F(IncomeBelowTest, MonthEndingOnAsOfIsNotEvaluated) {
    insert(conn(), specialist_extended("P-1", "H-1"));
    monthly_incomes(conn(), "H-1", 2024, 3, 3, "4000.00");
    set_all_sources(conn(), "2024-06-30");
    run_on(conn(), "2024-06-30");  // June ends on as_of: Mar–May
    EXPECT_TRUE(signals_of(conn(), "P-1", kType).empty());

    run_on(conn(), "2024-07-01");
    const auto s = open_signal(conn(), "P-1", kType);
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->period_end, "2024-06-30");
    EXPECT_EQ(s->raised_on, "2024-07-01");
}

TEST_F(IncomeBelowTest, RejectedIncomeRecordIsNotCounted) {
    insert(conn(), specialist_extended("P-1", "H-1"));
    monthly_incomes(conn(), "H-1", 2024, 4, 3, "3000.00");
    IncomeRow negative;
    negative.record_id = "R-neg";
    negative.period_start = "2024-05-01";
    negative.period_end = "2024-05-31";
    negative.gross_amount = "-1000.00";
    insert(conn(), negative);
    set_all_sources(conn(), "2024-06-30");
    run_on(conn(), "2024-07-01");

    EXPECT_EQ(count("SELECT count(*) FROM supervision.rejected_row WHERE source_key = 'R-neg'"), 1);
    const auto s = open_signal(conn(), "P-1", kType);
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->evidence["months"][1]["month"], "2024-05");
    EXPECT_DOUBLE_EQ(num(s->evidence["months"][1]["income"]), 3000.0);
    EXPECT_DOUBLE_EQ(num(s->evidence["average_income"]), 3000.0);
}

TEST_F(IncomeBelowTest, StaysOpenWithItsPeriodExtendedAndResolvesWhenIncomeRecovers) {
    insert(conn(), specialist_extended("P-1", "H-1"));
    monthly_incomes(conn(), "H-1", 2024, 4, 4, "3000.00");  // Apr–Jul
    monthly_incomes(conn(), "H-1", 2024, 8, 2, "4000.00");  // Aug–Sep
    set_all_sources(conn(), "2024-06-30");
    run_on(conn(), "2024-07-01");
    const auto raised = open_signal(conn(), "P-1", kType);
    ASSERT_TRUE(raised.has_value());
    EXPECT_EQ(raised->period_start, "2024-04-01");
    EXPECT_EQ(raised->period_end, "2024-06-30");

    set_all_sources(conn(), "2024-08-31");
    run_on(conn(), "2024-09-01");  // Jun–Aug: 3 333.33 still below
    auto all = signals_of(conn(), "P-1", kType);
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].signal_id, raised->signal_id);
    EXPECT_EQ(all[0].status, "open");
    EXPECT_EQ(all[0].period_start, "2024-04-01");
    EXPECT_EQ(all[0].period_end, "2024-08-31");
    EXPECT_EQ(all[0].raised_on, "2024-07-01");
    EXPECT_EQ(all[0].evidence["months"][0]["month"], "2024-06");

    set_all_sources(conn(), "2024-09-30");
    run_on(conn(), "2024-10-01");  // Jul–Sep: 3 666.67 ≥ 3 638
    all = signals_of(conn(), "P-1", kType);
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].status, "resolved");
    EXPECT_EQ(all[0].resolved_on, "2024-10-01");
    EXPECT_EQ(all[0].resolution, "condition_ended");
    EXPECT_EQ(all[0].period_end, "2024-08-31");
}

// rules.md §4 and §8: a pay period longer than a month counts whole in the month of its
// period_end. Six months' pay in one record (with its 1 000 h, more than a month has but
// within 24 × its 182 days) is June's income: April and May have none, and the average
// of the three, 8 000, is below the permit's own 9 000.
TEST_F(IncomeBelowTest, ARecordOverSeveralMonthsCountsWholeInTheMonthOfItsPeriodEnd) {
    PermitRow p = specialist_extended("P-1", "H-1");
    p.required_monthly_income = "9000.00";
    insert(conn(), p);
    IncomeRow half_year;
    half_year.record_id = "R-half-year";
    half_year.period_start = "2024-01-01";
    half_year.period_end = "2024-06-30";
    half_year.gross_amount = "24000.00";
    half_year.hours = "1000";
    insert(conn(), half_year);
    set_all_sources(conn(), "2024-06-30");
    run_on(conn(), "2024-07-01");

    EXPECT_EQ(count("SELECT count(*) FROM supervision.rejected_row"), 0);
    EXPECT_TRUE(signals_of(conn(), "P-1", "no_income").empty());
    const auto s = open_signal(conn(), "P-1", kType);
    ASSERT_TRUE(s.has_value());
    const auto& m = s->evidence["months"];
    ASSERT_EQ(m.size(), 3u);
    EXPECT_EQ(m[0]["month"], "2024-04");
    EXPECT_DOUBLE_EQ(num(m[0]["income"]), 0.0);
    EXPECT_DOUBLE_EQ(num(m[1]["income"]), 0.0);
    EXPECT_EQ(m[2]["month"], "2024-06");
    EXPECT_DOUBLE_EQ(num(m[2]["income"]), 24000.0);
    EXPECT_DOUBLE_EQ(num(s->evidence["average_income"]), 8000.0);
}

}  // namespace
}  // namespace supervision::test
