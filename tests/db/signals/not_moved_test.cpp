// rules.md §5 not_moved_to_finland (growth_entrepreneur first permits):
// as_of ≥ add_months(valid_from, 3), the population register is complete through that
// date, and the person has no `registered` event on or before as_of. The period runs
// from add_months(valid_from, 3) to the as_of of the latest run where it held.
#include "support/registry_builder.h"
#include "support/run_helpers.h"
#include "support/signal_queries.h"
#include "support/test_database.h"

#include <gtest/gtest.h>

namespace supervision::test {
namespace {

// A growth-entrepreneur permit valid for more than 12 months (growth-first / -extended).
PermitRow growth(const std::string& sequence, const std::string& valid_from, const std::string& valid_until) {
    PermitRow p;
    p.permit_id = "P-1";
    p.person_id = "H-1";
    p.basis = "growth_entrepreneur";
    p.sequence = sequence;
    p.decision_date = "2024-03-01";
    p.valid_from = valid_from;
    p.valid_until = valid_until;
    p.employer_id = std::nullopt;
    p.company_id = "C-1";
    return p;
}

EventRow registered(const std::string& id, const std::string& date) {
    return EventRow{id, std::string("H-1"), std::string("registered"), date};
}

class NotMovedTest : public DbTest {
protected:
    std::vector<SignalRow> not_moved() { return signals_of(conn(), "P-1", "not_moved_to_finland"); }
};

TEST_F(NotMovedTest, RaisedOnThreeMonthsAfterValidFromAtTheEndOfAMonth) {
    insert(conn(), growth("first", "2024-05-31", "2025-12-31"));
    set_all_sources(conn(), "2024-08-31");
    run_on(conn(), "2024-08-30");
    EXPECT_TRUE(not_moved().empty());
    run_on(conn(), "2024-08-31");  // add_months(2024-05-31, 3)
    const auto s = not_moved();
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].status, "open");
    EXPECT_EQ(s[0].raised_on, "2024-08-31");
    EXPECT_EQ(s[0].period_start, "2024-08-31");
    EXPECT_EQ(s[0].period_end, "2024-08-31");
    EXPECT_EQ(s[0].evidence["valid_from"], "2024-05-31");
    EXPECT_EQ(s[0].evidence["expected_registration_by"], "2024-08-31");
    EXPECT_EQ(s[0].evidence["population_complete_through"], "2024-08-31");
}

TEST_F(NotMovedTest, ThreeMonthsFromNovember30thIsFebruary29thInALeapYear) {
    // growth-first is in force from 2024-04-24, so the leap year used is 2028.
    insert(conn(), growth("first", "2027-11-30", "2029-06-30"));
    set_all_sources(conn(), "2028-02-29");
    run_on(conn(), "2028-02-28");
    EXPECT_TRUE(not_moved().empty());
    run_on(conn(), "2028-02-29");
    const auto s = not_moved();
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].raised_on, "2028-02-29");
    EXPECT_EQ(s[0].period_start, "2028-02-29");
}

TEST_F(NotMovedTest, NotRaisedWhilePopulationIsNotCompleteThroughThatDay) {
    insert(conn(), growth("first", "2024-05-31", "2025-12-31"));
    set_all_sources(conn(), "2024-09-30");
    set_source(conn(), "population", "2024-08-30");
    run_on(conn(), "2024-09-15");
    EXPECT_TRUE(not_moved().empty());
    set_source(conn(), "population", "2024-08-31");
    run_on(conn(), "2024-09-16");
    const auto s = not_moved();
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].raised_on, "2024-09-16");
    EXPECT_EQ(s[0].period_start, "2024-08-31");  // the expected day, not the run's
    EXPECT_EQ(s[0].period_end, "2024-09-16");
}

TEST_F(NotMovedTest, RegisteredOnOrBeforeAsOfPreventsIt) {
    insert(conn(), growth("first", "2024-05-31", "2025-12-31"));
    insert(conn(), registered("EV-1", "2024-08-31"));
    set_all_sources(conn(), "2024-08-31");
    run_on(conn(), "2024-08-31");
    EXPECT_TRUE(not_moved().empty());
}

TEST_F(NotMovedTest, RegistrationBeforeValidityAlsoCounts) {
    insert(conn(), growth("first", "2024-05-31", "2025-12-31"));
    insert(conn(), registered("EV-1", "2023-02-01"));
    set_all_sources(conn(), "2024-09-30");
    run_on(conn(), "2024-10-01");
    EXPECT_TRUE(not_moved().empty());
}

TEST_F(NotMovedTest, LaterRegistrationResolvesItOnItsDay) {
    insert(conn(), growth("first", "2024-05-31", "2025-12-31"));
    insert(conn(), registered("EV-1", "2024-09-10"));
    set_all_sources(conn(), "2024-08-31");
    run_on(conn(), "2024-08-31");
    ASSERT_TRUE(open_signal(conn(), "P-1", "not_moved_to_finland").has_value());
    run_on(conn(), "2024-09-09");  // the registration is dated after as_of: ignored
    ASSERT_TRUE(open_signal(conn(), "P-1", "not_moved_to_finland").has_value());
    run_on(conn(), "2024-09-10");
    const auto s = not_moved();
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].status, "resolved");
    EXPECT_EQ(s[0].resolved_on, std::optional<std::string>("2024-09-10"));
    EXPECT_EQ(s[0].resolution, std::optional<std::string>("condition_ended"));
    EXPECT_EQ(s[0].period_start, "2024-08-31");
    EXPECT_EQ(s[0].period_end, "2024-09-09");
}

TEST_F(NotMovedTest, OtherEventTypesDoNotCountAsRegistration) {
    insert(conn(), growth("first", "2024-05-31", "2025-12-31"));
    insert(conn(), EventRow{"EV-1", std::string("H-1"), std::string("returned"), std::string("2024-08-01")});
    set_all_sources(conn(), "2024-08-31");
    run_on(conn(), "2024-08-31");
    EXPECT_EQ(not_moved().size(), 1u);
}

TEST_F(NotMovedTest, ExtendedGrowthPermitNeverGetsIt) {
    insert(conn(), growth("extended", "2024-05-31", "2025-12-31"));
    set_all_sources(conn(), "2024-08-31");
    run_on(conn(), "2024-08-31");
    run_on(conn(), "2024-12-01");
    EXPECT_EQ(count("SELECT count(*) FROM supervision.supervised_permit WHERE permit_id = 'P-1'"), 1);
    EXPECT_TRUE(not_moved().empty());
}

}  // namespace
}  // namespace supervision::test
