// rules.md §5 no_income: the last N evaluation months all have zero income; N is 3 before
// 2025-06-11, and from then 6 for specialists / EU Blue Card holders and for persons whose
// work-based permits (clipped at as_of, overlaps once) cover at least 730 days, else 3.
#include "support/registry_builder.h"
#include "support/run_helpers.h"
#include "support/signal_queries.h"
#include "support/test_database.h"
#include "support/test_dates.h"

#include <cstdio>
#include <string>

namespace supervision::test {
namespace {

constexpr const char* kType = "no_income";

// `count` consecutive whole-month income records from (y, m), each of `amount`.
void monthly_incomes(pqxx::connection& c, const std::string& person, int y, int m, int count,
                     const std::string& amount) {
    for (int i = 0; i < count; ++i) {
        IncomeRow r;
        r.record_id = person + "-" + ymd(y, m, 1);
        r.person_id = person;
        r.period_start = ymd(y, m, 1);
        r.period_end = ymd(y, m, days_in_month(y, m));
        r.gross_amount = amount;
        insert(c, r);
        if (++m > 12) {
            m = 1;
            ++y;
        }
    }
}

PermitRow permit(const std::string& permit_id, const std::string& person, const std::string& basis,
                 const std::string& sequence, const std::string& decided, const std::string& from,
                 const std::string& until) {
    PermitRow p;
    p.permit_id = permit_id;
    p.person_id = person;
    p.basis = basis;
    p.sequence = sequence;
    p.decision_date = decided;
    p.valid_from = from;
    p.valid_until = until;
    return p;
}

PermitRow specialist(const std::string& permit_id, const std::string& person) {
    return permit(permit_id, person, "specialist", "extended", "2024-01-01", "2024-01-01", "2026-12-31");
}

// An employed person whose current extended permit runs from 2024-07-02 and whose earlier
// first permit runs from `earlier_from` to 2024-12-31 (overlapping the current one), with
// income from July to December 2024 and none in 2025.
void employed_with_history(pqxx::connection& c, const std::string& earlier_from) {
    insert(c, permit("P-0", "H-1", "employed", "first", "2023-06-01", earlier_from, "2024-12-31"));
    insert(c, permit("P-1", "H-1", "employed", "extended", "2024-06-01", "2024-07-02", "2026-12-31"));
    monthly_incomes(c, "H-1", 2024, 7, 6, "4000.00");
    set_all_sources(c, "2025-06-30");
}

using NoIncomeTest = DbTest;

TEST_F(NoIncomeTest, ThreeZeroMonthsRaiseBefore2025_06_11) {
    insert(conn(), specialist("P-1", "H-1"));
    monthly_incomes(conn(), "H-1", 2024, 4, 1, "4000.00");  // April only
    set_all_sources(conn(), "2024-06-30");
    run_on(conn(), "2024-07-01");  // Apr–Jun: April has income
    EXPECT_TRUE(signals_of(conn(), "P-1", kType).empty());

    set_all_sources(conn(), "2024-07-31");
    run_on(conn(), "2024-08-01");  // May–Jul
    const auto s = signals_of(conn(), "P-1", kType);
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].status, "open");
    EXPECT_EQ(s[0].period_start, "2024-05-01");
    EXPECT_EQ(s[0].period_end, "2024-07-31");
    EXPECT_EQ(s[0].raised_on, "2024-08-01");
    EXPECT_DOUBLE_EQ(s[0].weight, 1.0);
    const auto& ev = s[0].evidence;
    EXPECT_EQ(ev["months"], nlohmann::json::parse(R"(["2024-05", "2024-06", "2024-07"])"));
    EXPECT_EQ(ev["unemployment_months"]["value"], 3);
    EXPECT_EQ(ev["unemployment_months"]["rule"], "general");
    EXPECT_EQ(ev["unemployment_months"]["in_force_from"], "2000-01-01");
}

TEST_F(NoIncomeTest, RecordWithZeroAmountCountsAsZero) {
    insert(conn(), specialist("P-1", "H-1"));
    monthly_incomes(conn(), "H-1", 2024, 4, 3, "0.00");
    set_all_sources(conn(), "2024-06-30");
    run_on(conn(), "2024-07-01");

    const auto s = open_signal(conn(), "P-1", kType);
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->period_start, "2024-04-01");
    EXPECT_EQ(s->period_end, "2024-06-30");
}

TEST_F(NoIncomeTest, SpecialistWithThreeZeroMonthsRaisedOn2025_06_10ResolvedOn2025_06_11) {
    insert(conn(), specialist("P-1", "H-1"));
    monthly_incomes(conn(), "H-1", 2024, 9, 6, "4000.00");  // Sep 2024 – Feb 2025; none Mar–May
    set_all_sources(conn(), "2025-05-31");

    run_on(conn(), "2025-06-10");
    auto s = signals_of(conn(), "P-1", kType);
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].status, "open");
    EXPECT_EQ(s[0].period_start, "2025-03-01");
    EXPECT_EQ(s[0].period_end, "2025-05-31");
    EXPECT_EQ(s[0].raised_on, "2025-06-10");
    EXPECT_EQ(s[0].evidence["unemployment_months"]["value"], 3);
    EXPECT_EQ(s[0].evidence["unemployment_months"]["rule"], "general");

    run_on(conn(), "2025-06-11");  // 6 months needed: Dec–Feb have income
    s = signals_of(conn(), "P-1", kType);
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].status, "resolved");
    EXPECT_EQ(s[0].resolved_on, "2025-06-11");
}

TEST_F(NoIncomeTest, SpecialistNeedsSixZeroMonthsFrom2025_06_11) {
    insert(conn(), specialist("P-1", "H-1"));
    insert(conn(), specialist("P-2", "H-2"));
    monthly_incomes(conn(), "H-1", 2024, 9, 3, "4000.00");  // Sep–Nov: six zero months Dec–May
    monthly_incomes(conn(), "H-2", 2024, 9, 4, "4000.00");  // Sep–Dec: five zero months
    set_all_sources(conn(), "2025-05-31");
    run_on(conn(), "2025-06-11");

    const auto s = open_signal(conn(), "P-1", kType);
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->period_start, "2024-12-01");
    EXPECT_EQ(s->period_end, "2025-05-31");
    EXPECT_EQ(s->raised_on, "2025-06-11");
    EXPECT_EQ(s->evidence["months"].size(), 6u);
    EXPECT_EQ(s->evidence["unemployment_months"]["value"], 6);
    EXPECT_EQ(s->evidence["unemployment_months"]["rule"], "basis");
    EXPECT_EQ(s->evidence["unemployment_months"]["in_force_from"], "2025-06-11");
    EXPECT_TRUE(signals_of(conn(), "P-2", kType).empty());
}

TEST_F(NoIncomeTest, EmployedWithShortWorkHistoryKeepsThreeMonthsAfter2025_06_11) {
    insert(conn(), permit("P-1", "H-1", "employed", "extended", "2023-12-01", "2024-01-01", "2026-12-31"));
    monthly_incomes(conn(), "H-1", 2024, 10, 6, "4000.00");  // Oct 2024 – Mar 2025
    set_all_sources(conn(), "2025-06-30");
    run_on(conn(), "2025-07-01");

    const auto s = open_signal(conn(), "P-1", kType);
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->period_start, "2025-04-01");
    EXPECT_EQ(s->period_end, "2025-06-30");
    EXPECT_EQ(s->evidence["unemployment_months"]["value"], 3);
    EXPECT_EQ(s->evidence["unemployment_months"]["rule"], "general");
    EXPECT_EQ(s->evidence["long_work_history_from"], "2025-12-30");  // the 730th day from 2024-01-01 (a leap year)
    EXPECT_EQ(s->evidence["long_work_history_days"], 730);
}

TEST_F(NoIncomeTest, EmployedWithWorkHistoryOf730DaysNeedsSixMonths) {
    employed_with_history(conn(), "2023-07-03");  // 2023-07-03..2025-07-01 = 730 days
    run_on(conn(), "2025-07-01");

    const auto s = open_signal(conn(), "P-1", kType);
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->period_start, "2025-01-01");
    EXPECT_EQ(s->period_end, "2025-06-30");
    EXPECT_EQ(s->evidence["unemployment_months"]["value"], 6);
    EXPECT_EQ(s->evidence["unemployment_months"]["rule"], "work_history");
    EXPECT_EQ(s->evidence["unemployment_months"]["in_force_from"], "2025-06-11");
    EXPECT_EQ(s->evidence["long_work_history_from"], "2025-07-01");  // the 730th day
}

TEST_F(NoIncomeTest, EmployedWithWorkHistoryOf729DaysKeepsThreeMonths) {
    employed_with_history(conn(), "2023-07-04");  // 729 days; counting the overlap twice would exceed 730
    run_on(conn(), "2025-07-01");

    const auto s = open_signal(conn(), "P-1", kType);
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->period_start, "2025-04-01");
    EXPECT_EQ(s->period_end, "2025-06-30");
    EXPECT_EQ(s->evidence["unemployment_months"]["value"], 3);
    EXPECT_EQ(s->evidence["unemployment_months"]["rule"], "general");
    EXPECT_EQ(s->evidence["long_work_history_from"], "2025-07-02");
}

TEST_F(NoIncomeTest, OtherWorkWithShortWorkHistoryKeepsThreeMonths) {
    insert(conn(), permit("P-1", "H-1", "other_work", "extended", "2025-05-15", "2025-06-01", "2027-05-31"));
    monthly_incomes(conn(), "H-1", 2025, 6, 7, "4000.00");  // Jun–Dec 2025
    set_all_sources(conn(), "2026-03-31");
    run_on(conn(), "2026-04-01");

    const auto s = open_signal(conn(), "P-1", kType);
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->period_start, "2026-01-01");
    EXPECT_EQ(s->period_end, "2026-03-31");
    EXPECT_EQ(s->evidence["unemployment_months"]["value"], 3);
    EXPECT_EQ(s->evidence["unemployment_months"]["rule"], "general");
    EXPECT_EQ(s->evidence["unemployment_months"]["in_force_from"], "2000-01-01");
    EXPECT_EQ(s->evidence["long_work_history_from"], "2027-05-31");  // 2025-06-01 + 729 days, its last day
}

TEST_F(NoIncomeTest, NoMonthIsCompleteWithoutAnIncomesSourceStatusRow) {
    // rules.md §1: completeness comes only from source_status; a register with no row has
    // no complete month, so nothing can be evaluated.
    insert(conn(), specialist("P-1", "H-1"));
    for (const char* s : {"population", "companies", "studies", "benefits", "notices"}) {
        set_source(conn(), s, "2024-06-30");
    }
    run_on(conn(), "2024-07-01");

    EXPECT_TRUE(signals_of(conn(), "P-1", kType).empty());
}

}  // namespace
}  // namespace supervision::test
