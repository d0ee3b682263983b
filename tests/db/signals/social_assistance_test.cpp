// rules.md §5 social_assistance: a basic_social_assistance payment whose period overlaps
// one of the last 3 evaluation months (benefits), or any of them where fewer exist.
#include "support/registry_builder.h"
#include "support/run_helpers.h"
#include "support/signal_queries.h"
#include "support/test_database.h"

#include <string>

namespace supervision::test {
namespace {

constexpr const char* kType = "social_assistance";

// A first student permit valid 2024-09-01..2026-08-31: grace to 2024-11-01.
void student(pqxx::connection& c, const std::string& permit_id, const std::string& person) {
    PermitRow p;
    p.permit_id = permit_id;
    p.person_id = person;
    p.basis = "student";
    p.sequence = "first";
    p.decision_date = "2024-06-01";
    p.valid_from = "2024-09-01";
    p.valid_until = "2026-08-31";
    p.employer_id = std::nullopt;
    p.institution_id = "I-1";
    insert(c, p);
}

void payment(pqxx::connection& c, const std::string& id, const std::string& person, const std::string& from,
             const std::string& to, const std::string& benefit = "basic_social_assistance") {
    BenefitRow b;
    b.payment_id = id;
    b.person_id = person;
    b.benefit = benefit;
    b.period_start = from;
    b.period_end = to;
    insert(c, b);
}

using SocialAssistanceTest = DbTest;

TEST_F(SocialAssistanceTest, PaymentOverlappingTheLastThreeMonthsRaisesOneEndingTheDayBeforeDoesNot) {
    student(conn(), "P-1", "H-1");
    student(conn(), "P-2", "H-2");
    payment(conn(), "B-1", "H-1", "2024-12-15", "2025-01-01");  // one day into January
    payment(conn(), "B-2", "H-2", "2024-12-01", "2024-12-31");  // ends the day before the window
    set_all_sources(conn(), "2025-03-31");
    run_on(conn(), "2025-04-01");  // Jan–Mar 2025

    const auto s = signals_of(conn(), "P-1", kType);
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].status, "open");
    EXPECT_EQ(s[0].period_start, "2025-01-01");
    EXPECT_EQ(s[0].period_end, "2025-03-31");
    EXPECT_EQ(s[0].raised_on, "2025-04-01");
    ASSERT_EQ(s[0].evidence["payments"].size(), 1u);
    EXPECT_EQ(s[0].evidence["payments"][0]["payment_id"], "B-1");
    EXPECT_EQ(s[0].evidence["window_months"]["value"], 3);
    EXPECT_TRUE(signals_of(conn(), "P-2", kType).empty());
}

TEST_F(SocialAssistanceTest, WeightIsOneHalf) {
    student(conn(), "P-1", "H-1");
    payment(conn(), "B-1", "H-1", "2025-02-01", "2025-02-28");
    set_all_sources(conn(), "2025-03-31");
    run_on(conn(), "2025-04-01");

    const auto s = open_signal(conn(), "P-1", kType);
    ASSERT_TRUE(s.has_value());
    EXPECT_DOUBLE_EQ(s->weight, 0.5);
}

TEST_F(SocialAssistanceTest, OnlyMonthsCompleteInTheBenefitsRegisterAreLookedAt) {
    student(conn(), "P-1", "H-1");
    payment(conn(), "B-1", "H-1", "2025-03-01", "2025-03-31");
    set_all_sources(conn(), "2025-03-31");
    set_source(conn(), "benefits", "2025-03-30");
    run_on(conn(), "2025-04-01");  // Dec–Feb: March is not complete for benefits
    EXPECT_TRUE(signals_of(conn(), "P-1", kType).empty());

    set_source(conn(), "benefits", "2025-03-31");
    run_on(conn(), "2025-04-01");
    const auto s = open_signal(conn(), "P-1", kType);
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->period_start, "2025-01-01");
    EXPECT_EQ(s->period_end, "2025-03-31");
    EXPECT_EQ(s->evidence["benefits_complete_through"], "2025-03-31");
}

TEST_F(SocialAssistanceTest, WithFewerThanThreeEvaluationMonthsAnyOfThemCounts) {
    student(conn(), "P-1", "H-1");
    student(conn(), "P-2", "H-2");
    payment(conn(), "B-1", "H-1", "2024-11-10", "2024-11-20");  // the first evaluated month
    payment(conn(), "B-2", "H-2", "2024-10-01", "2024-10-31");  // still in grace
    set_all_sources(conn(), "2024-11-30");
    run_on(conn(), "2024-12-01");  // November only

    const auto s = open_signal(conn(), "P-1", kType);
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->period_start, "2024-11-01");
    EXPECT_EQ(s->period_end, "2024-11-30");
    EXPECT_EQ(s->evidence["grace_months"], 2);
    EXPECT_TRUE(signals_of(conn(), "P-2", kType).empty());

    set_all_sources(conn(), "2024-12-31");
    run_on(conn(), "2025-01-01");  // November and December
    const auto all = signals_of(conn(), "P-1", kType);
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].status, "open");
    EXPECT_EQ(all[0].period_start, "2024-11-01");
    EXPECT_EQ(all[0].period_end, "2024-12-31");
    EXPECT_TRUE(signals_of(conn(), "P-2", kType).empty());
}

TEST_F(SocialAssistanceTest, OtherBenefitsNeverRaise) {
    student(conn(), "P-1", "H-1");
    payment(conn(), "B-1", "H-1", "2025-01-01", "2025-03-31", "other");
    set_all_sources(conn(), "2025-03-31");
    run_on(conn(), "2025-04-01");

    EXPECT_TRUE(signals_of(conn(), "P-1", kType).empty());
}

TEST_F(SocialAssistanceTest, ResolvesWhenThePaymentLeavesTheWindow) {
    student(conn(), "P-1", "H-1");
    payment(conn(), "B-1", "H-1", "2025-01-01", "2025-01-31");
    set_all_sources(conn(), "2025-03-31");
    run_on(conn(), "2025-04-01");  // Jan–Mar
    ASSERT_TRUE(open_signal(conn(), "P-1", kType).has_value());

    set_all_sources(conn(), "2025-04-30");
    run_on(conn(), "2025-05-01");  // Feb–Apr
    const auto s = signals_of(conn(), "P-1", kType);
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].status, "resolved");
    EXPECT_EQ(s[0].resolved_on, "2025-05-01");
    EXPECT_EQ(s[0].period_end, "2025-03-31");
}

TEST_F(SocialAssistanceTest, NoMonthIsCompleteWithoutABenefitsSourceStatusRow) {
    student(conn(), "P-1", "H-1");
    payment(conn(), "B-1", "H-1", "2025-02-01", "2025-02-28");
    for (const char* s : {"incomes", "population", "companies", "studies", "notices"}) {
        set_source(conn(), s, "2025-03-31");
    }
    run_on(conn(), "2025-04-01");

    EXPECT_TRUE(signals_of(conn(), "P-1", kType).empty());
}

}  // namespace
}  // namespace supervision::test
