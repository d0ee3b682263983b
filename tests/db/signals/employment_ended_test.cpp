// rules.md §5 employment_ended: a notice with employment_ended_on within validity and on or
// before as_of, and no income in any complete month after the end month (the notice alone
// while no complete month follows). Period from the earliest end to as_of; weight 0.5.
#include "support/registry_builder.h"
#include "support/run_helpers.h"
#include "support/signal_queries.h"
#include "support/test_database.h"

#include <string>

namespace supervision::test {
namespace {

constexpr const char* kType = "employment_ended";

// A specialist extended permit valid 2024-07-01..2025-06-30.
void specialist(pqxx::connection& c, const std::string& permit_id, const std::string& person) {
    PermitRow p;
    p.permit_id = permit_id;
    p.person_id = person;
    p.decision_date = "2024-06-01";
    p.valid_from = "2024-07-01";
    p.valid_until = "2025-06-30";
    insert(c, p);
}

void notice(pqxx::connection& c, const std::string& id, const std::string& person, const std::string& ended_on,
            const std::string& employer = "E-1") {
    insert(c, NoticeRow{id, person, employer, ended_on});
}

void income(pqxx::connection& c, const std::string& id, const std::string& from, const std::string& to,
            const std::string& amount, const std::string& payer = "E-2") {
    IncomeRow r;
    r.record_id = id;
    r.payer_id = payer;
    r.period_start = from;
    r.period_end = to;
    r.gross_amount = amount;
    insert(c, r);
}

using EmploymentEndedTest = DbTest;

TEST_F(EmploymentEndedTest, NoticeAloneRaisesWhileNoCompleteMonthFollowsTheEndMonth) {
    specialist(conn(), "P-1", "H-1");
    notice(conn(), "N-1", "H-1", "2024-09-15");
    set_all_sources(conn(), "2024-09-19");
    run_on(conn(), "2024-09-20");

    auto s = signals_of(conn(), "P-1", kType);
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].status, "open");
    EXPECT_EQ(s[0].period_start, "2024-09-15");
    EXPECT_EQ(s[0].period_end, "2024-09-20");
    EXPECT_EQ(s[0].raised_on, "2024-09-20");
    ASSERT_EQ(s[0].evidence["notices"].size(), 1u);
    EXPECT_EQ(s[0].evidence["notices"][0]["notice_id"], "N-1");
    EXPECT_EQ(s[0].evidence["notices"][0]["employment_ended_on"], "2024-09-15");
    EXPECT_EQ(s[0].evidence["notices"][0]["complete_months_after"], 0);

    set_all_sources(conn(), "2024-09-30");
    run_on(conn(), "2024-10-01");  // September is the end month itself: still nothing after it
    s = signals_of(conn(), "P-1", kType);
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].status, "open");
    EXPECT_EQ(s[0].period_start, "2024-09-15");
    EXPECT_EQ(s[0].period_end, "2024-10-01");
}

TEST_F(EmploymentEndedTest, WeightIsOneHalf) {
    specialist(conn(), "P-1", "H-1");
    notice(conn(), "N-1", "H-1", "2024-09-15");
    set_all_sources(conn(), "2024-09-19");
    run_on(conn(), "2024-09-20");

    const auto s = open_signal(conn(), "P-1", kType);
    ASSERT_TRUE(s.has_value());
    EXPECT_DOUBLE_EQ(s->weight, 0.5);
}

TEST_F(EmploymentEndedTest, ResolvesOnceACompleteMonthAfterTheEndMonthHasIncome) {
    specialist(conn(), "P-1", "H-1");
    notice(conn(), "N-1", "H-1", "2024-09-15");
    income(conn(), "R-oct", "2024-10-01", "2024-10-31", "4000.00");  // a new employer
    set_all_sources(conn(), "2024-10-14");
    run_on(conn(), "2024-10-15");
    ASSERT_TRUE(open_signal(conn(), "P-1", kType).has_value());

    set_all_sources(conn(), "2024-10-30");
    run_on(conn(), "2024-11-01");  // October not complete yet
    ASSERT_TRUE(open_signal(conn(), "P-1", kType).has_value());

    set_all_sources(conn(), "2024-10-31");
    run_on(conn(), "2024-11-01");
    const auto s = signals_of(conn(), "P-1", kType);
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].status, "resolved");
    EXPECT_EQ(s[0].resolved_on, "2024-11-01");
    EXPECT_EQ(s[0].raised_on, "2024-10-15");
}

TEST_F(EmploymentEndedTest, ZeroIncomeInEveryCompleteMonthAfterKeepsItOpen) {
    specialist(conn(), "P-1", "H-1");
    notice(conn(), "N-1", "H-1", "2024-09-15");
    income(conn(), "R-sep", "2024-09-01", "2024-09-15", "2000.00", "E-1");  // the end month itself
    income(conn(), "R-oct", "2024-10-01", "2024-10-31", "0.00");
    income(conn(), "R-nov", "2024-11-01", "2024-11-30", "0.00");
    set_all_sources(conn(), "2024-11-30");
    run_on(conn(), "2024-12-01");

    const auto s = open_signal(conn(), "P-1", kType);
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->period_start, "2024-09-15");
    EXPECT_EQ(s->period_end, "2024-12-01");
    EXPECT_EQ(s->evidence["notices"][0]["complete_months_after"], 2);
    EXPECT_EQ(s->evidence["income_after_end_month"], 0);
}

TEST_F(EmploymentEndedTest, EndOnValidFromCountsTheDayBeforeDoesNot) {
    specialist(conn(), "P-1", "H-1");
    specialist(conn(), "P-2", "H-2");
    notice(conn(), "N-1", "H-1", "2024-07-01");
    notice(conn(), "N-2", "H-2", "2024-06-30");
    set_all_sources(conn(), "2024-07-09");
    run_on(conn(), "2024-07-10");

    const auto s = open_signal(conn(), "P-1", kType);
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->period_start, "2024-07-01");
    EXPECT_EQ(s->period_end, "2024-07-10");
    EXPECT_TRUE(signals_of(conn(), "P-2", kType).empty());
}

TEST_F(EmploymentEndedTest, EndOnValidUntilCounts) {
    specialist(conn(), "P-1", "H-1");
    notice(conn(), "N-1", "H-1", "2025-06-30");
    set_all_sources(conn(), "2025-06-29");
    run_on(conn(), "2025-06-30");

    const auto s = open_signal(conn(), "P-1", kType);
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->period_start, "2025-06-30");
    EXPECT_EQ(s->period_end, "2025-06-30");
}

TEST_F(EmploymentEndedTest, EndAfterAsOfWaitsUntilAsOfReachesIt) {
    specialist(conn(), "P-1", "H-1");
    notice(conn(), "N-1", "H-1", "2024-09-15");
    set_all_sources(conn(), "2024-09-13");
    run_on(conn(), "2024-09-14");
    EXPECT_TRUE(signals_of(conn(), "P-1", kType).empty());

    set_all_sources(conn(), "2024-09-14");
    run_on(conn(), "2024-09-15");
    const auto s = open_signal(conn(), "P-1", kType);
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->period_start, "2024-09-15");
    EXPECT_EQ(s->period_end, "2024-09-15");
    EXPECT_EQ(s->raised_on, "2024-09-15");
}

TEST_F(EmploymentEndedTest, WithTwoNoticesThePeriodStartsAtTheEarliestEnd) {
    specialist(conn(), "P-1", "H-1");
    notice(conn(), "N-2", "H-1", "2024-10-10", "E-2");
    notice(conn(), "N-1", "H-1", "2024-09-15", "E-1");
    set_all_sources(conn(), "2024-10-19");
    run_on(conn(), "2024-10-20");

    const auto s = signals_of(conn(), "P-1", kType);
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].period_start, "2024-09-15");
    EXPECT_EQ(s[0].period_end, "2024-10-20");
    const auto& n = s[0].evidence["notices"];
    ASSERT_EQ(n.size(), 2u);
    EXPECT_EQ(n[0]["employment_ended_on"], "2024-09-15");
    EXPECT_EQ(n[0]["employer_id"], "E-1");
    EXPECT_EQ(n[1]["employment_ended_on"], "2024-10-10");
    EXPECT_EQ(n[1]["employer_id"], "E-2");
}

}  // namespace
}  // namespace supervision::test
