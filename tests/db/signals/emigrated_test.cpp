// rules.md §5 emigrated: the person's latest emigrated/returned population event on or
// before as_of is `emigrated`, dated on or after valid_from; on the same day `returned`
// counts as the later. An event signal runs from the event's date to the as_of of the
// latest run where it held.
#include "support/registry_builder.h"
#include "support/run_helpers.h"
#include "support/signal_queries.h"
#include "support/test_database.h"

#include <gtest/gtest.h>

namespace supervision::test {
namespace {

// A growth-entrepreneur extended permit (enrolled from 2024-06-01 under growth-extended):
// no income signals and no not_moved_to_finland to get in the way.
PermitRow permit(const std::string& id = "P-1", const std::string& person = "H-1") {
    return growth_extended(id, person, "C-1");
}

class EmigratedTest : public DbTest {
protected:
    void SetUp() override {
        DbTest::SetUp();
        insert(conn(), permit());
        set_all_sources(conn(), "2024-05-31");
    }
    std::vector<SignalRow> emigrated() { return signals_of(conn(), "P-1", "emigrated"); }
};

TEST_F(EmigratedTest, RaisedOnTheEventDayWithPeriodFromTheEventDate) {
    insert(conn(), event("EV-1", "emigrated", "2024-07-10"));
    run_on(conn(), "2024-07-10");
    const auto s = emigrated();
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].status, "open");
    EXPECT_EQ(s[0].period_start, "2024-07-10");
    EXPECT_EQ(s[0].period_end, "2024-07-10");
    EXPECT_EQ(s[0].raised_on, "2024-07-10");
    EXPECT_EQ(s[0].evidence["event_id"], "EV-1");
    EXPECT_EQ(s[0].evidence["event_type"], "emigrated");
    EXPECT_EQ(s[0].evidence["event_date"], "2024-07-10");
    EXPECT_EQ(s[0].evidence["valid_from"], "2024-06-01");
}

TEST_F(EmigratedTest, PeriodEndIsExtendedToTheAsOfOfTheNextRun) {
    insert(conn(), event("EV-1", "emigrated", "2024-07-10"));
    run_on(conn(), "2024-07-10");
    const auto first = emigrated();
    ASSERT_EQ(first.size(), 1u);
    run_on(conn(), "2024-07-25");
    const auto s = emigrated();
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].signal_id, first[0].signal_id);
    EXPECT_EQ(s[0].status, "open");
    EXPECT_EQ(s[0].period_start, "2024-07-10");
    EXPECT_EQ(s[0].period_end, "2024-07-25");
    EXPECT_EQ(s[0].raised_on, "2024-07-10");
}

TEST_F(EmigratedTest, EmigrationOnValidFromCounts) {
    insert(conn(), event("EV-1", "emigrated", "2024-06-01"));
    run_on(conn(), "2024-06-03");
    const auto s = emigrated();
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].period_start, "2024-06-01");
    EXPECT_EQ(s[0].period_end, "2024-06-03");
    EXPECT_EQ(s[0].raised_on, "2024-06-03");
}

TEST_F(EmigratedTest, EmigrationTheDayBeforeValidFromIsNotRaised) {
    insert(conn(), event("EV-1", "emigrated", "2024-05-31"));
    run_on(conn(), "2024-06-03");
    EXPECT_TRUE(emigrated().empty());
}

TEST_F(EmigratedTest, LaterReturnedResolvesIt) {
    insert(conn(), event("EV-1", "emigrated", "2024-07-10"));
    insert(conn(), event("EV-2", "returned", "2024-08-01"));
    run_on(conn(), "2024-07-31");
    ASSERT_TRUE(open_signal(conn(), "P-1", "emigrated").has_value());
    run_on(conn(), "2024-08-01");
    const auto s = emigrated();
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].status, "resolved");
    EXPECT_EQ(s[0].resolved_on, std::optional<std::string>("2024-08-01"));
    EXPECT_EQ(s[0].resolution, std::optional<std::string>("condition_ended"));
    EXPECT_EQ(s[0].period_start, "2024-07-10");
    EXPECT_EQ(s[0].period_end, "2024-07-31");  // the last run where it held
}

TEST_F(EmigratedTest, ReturnedOnTheSameDayCountsAsLater) {
    // The emigration has the smaller id, so a tie broken by id would pick it.
    insert(conn(), event("EV-a", "emigrated", "2024-07-10"));
    insert(conn(), event("EV-b", "returned", "2024-07-10"));
    run_on(conn(), "2024-07-10");
    run_on(conn(), "2024-07-20");
    EXPECT_TRUE(emigrated().empty());
}

TEST_F(EmigratedTest, EmigrationAfterAReturnRaisesFromTheLatestEmigration) {
    insert(conn(), event("EV-1", "emigrated", "2024-07-01"));
    insert(conn(), event("EV-2", "returned", "2024-07-05"));
    insert(conn(), event("EV-3", "emigrated", "2024-07-20"));
    run_on(conn(), "2024-07-20");
    const auto s = emigrated();
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].period_start, "2024-07-20");
    EXPECT_EQ(s[0].evidence["event_id"], "EV-3");
}

TEST_F(EmigratedTest, EventAfterAsOfIsIgnoredUntilAsOfReachesIt) {
    insert(conn(), event("EV-1", "emigrated", "2024-07-10"));
    run_on(conn(), "2024-07-09");
    EXPECT_TRUE(emigrated().empty());
    run_on(conn(), "2024-07-10");
    const auto s = emigrated();
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].raised_on, "2024-07-10");
    EXPECT_EQ(s[0].period_start, "2024-07-10");
}

TEST_F(EmigratedTest, ReturnAfterAsOfDoesNotResolveYet) {
    insert(conn(), event("EV-1", "emigrated", "2024-07-10"));
    insert(conn(), event("EV-2", "returned", "2024-09-01"));
    run_on(conn(), "2024-08-31");
    const auto s = emigrated();
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].status, "open");
    EXPECT_EQ(s[0].period_end, "2024-08-31");
}

TEST_F(EmigratedTest, AnotherPersonsEmigrationDoesNotCount) {
    insert(conn(), event("EV-1", "emigrated", "2024-07-10", "H-2"));
    run_on(conn(), "2024-07-10");
    EXPECT_TRUE(emigrated().empty());
}

}  // namespace
}  // namespace supervision::test
