// rules.md §5 company_inactive (growth_entrepreneur, self_employed): the latest
// trade-register status of the permit's company_id dated on or before as_of is
// liquidation, bankrupt or deregistered. The period runs from the status date.
#include "support/registry_builder.h"
#include "support/run_helpers.h"
#include "support/signal_queries.h"
#include "support/test_database.h"

#include <gtest/gtest.h>

namespace supervision::test {
namespace {

// A growth-entrepreneur extended permit (growth-extended), enrolled from 2024-06-01.
PermitRow growth(const std::string& id, const std::string& person, const std::string& company) {
    return growth_extended(id, person, company);
}

CompanyStatusRow status(const std::string& company, const std::string& s, const std::string& date) {
    return CompanyStatusRow{company, s, date};
}

class CompanyInactiveTest : public DbTest {
protected:
    void SetUp() override {
        DbTest::SetUp();
        set_all_sources(conn(), "2024-05-31");
    }
    std::vector<SignalRow> inactive(const std::string& permit = "P-1") {
        return signals_of(conn(), permit, "company_inactive");
    }
};

TEST_F(CompanyInactiveTest, EachInactiveStatusRaisesFromItsStatusDate) {
    const char* statuses[] = {"liquidation", "bankrupt", "deregistered"};
    for (int i = 0; i < 3; ++i) {
        const std::string n = std::to_string(i + 1);
        insert(conn(), growth("P-" + n, "H-" + n, "C-" + n));
        insert(conn(), status("C-" + n, "active", "2020-01-01"));
        insert(conn(), status("C-" + n, statuses[i], "2024-07-1" + n));
    }
    run_on(conn(), "2024-07-20");
    for (int i = 0; i < 3; ++i) {
        const std::string n = std::to_string(i + 1);
        SCOPED_TRACE(statuses[i]);
        const auto s = inactive("P-" + n);
        ASSERT_EQ(s.size(), 1u);
        EXPECT_EQ(s[0].status, "open");
        EXPECT_EQ(s[0].raised_on, "2024-07-20");
        EXPECT_EQ(s[0].period_start, "2024-07-1" + n);
        EXPECT_EQ(s[0].period_end, "2024-07-20");
        EXPECT_EQ(s[0].evidence["company_id"], "C-" + n);
        EXPECT_EQ(s[0].evidence["status"], statuses[i]);
        EXPECT_EQ(s[0].evidence["status_date"], "2024-07-1" + n);
    }
}

TEST_F(CompanyInactiveTest, ActiveCompanyIsNotRaised) {
    insert(conn(), growth("P-1", "H-1", "C-1"));
    insert(conn(), status("C-1", "liquidation", "2023-01-01"));
    insert(conn(), status("C-1", "active", "2023-06-01"));
    run_on(conn(), "2024-07-20");
    EXPECT_TRUE(inactive().empty());
}

TEST_F(CompanyInactiveTest, StatusDatedBeforeValidityStillCounts) {
    insert(conn(), growth("P-1", "H-1", "C-1"));
    insert(conn(), status("C-1", "deregistered", "2024-03-01"));
    run_on(conn(), "2024-06-01");
    const auto s = inactive();
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].period_start, "2024-03-01");
    EXPECT_EQ(s[0].raised_on, "2024-06-01");
}

TEST_F(CompanyInactiveTest, LaterActiveStatusResolvesIt) {
    insert(conn(), growth("P-1", "H-1", "C-1"));
    insert(conn(), status("C-1", "liquidation", "2024-07-15"));
    insert(conn(), status("C-1", "active", "2024-09-01"));
    run_on(conn(), "2024-07-15");
    run_on(conn(), "2024-08-31");
    ASSERT_TRUE(open_signal(conn(), "P-1", "company_inactive").has_value());
    run_on(conn(), "2024-09-01");
    const auto s = inactive();
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].status, "resolved");
    EXPECT_EQ(s[0].resolved_on, std::optional<std::string>("2024-09-01"));
    EXPECT_EQ(s[0].resolution, std::optional<std::string>("condition_ended"));
    EXPECT_EQ(s[0].period_start, "2024-07-15");
    EXPECT_EQ(s[0].period_end, "2024-08-31");
}

TEST_F(CompanyInactiveTest, StatusDatedAfterAsOfIsIgnored) {
    insert(conn(), growth("P-1", "H-1", "C-1"));
    insert(conn(), status("C-1", "bankrupt", "2024-08-01"));
    run_on(conn(), "2024-07-31");
    EXPECT_TRUE(inactive().empty());
    run_on(conn(), "2024-08-01");
    const auto s = inactive();
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].raised_on, "2024-08-01");
    EXPECT_EQ(s[0].period_start, "2024-08-01");
}

TEST_F(CompanyInactiveTest, StatusOfAnotherCompanyDoesNotCount) {
    insert(conn(), growth("P-1", "H-1", "C-1"));
    insert(conn(), growth("P-2", "H-2", "C-2"));
    insert(conn(), status("C-1", "active", "2024-01-01"));
    insert(conn(), status("C-2", "bankrupt", "2024-07-01"));
    run_on(conn(), "2024-07-20");
    EXPECT_TRUE(inactive("P-1").empty());
    EXPECT_EQ(inactive("P-2").size(), 1u);
}

TEST_F(CompanyInactiveTest, SelfEmployedPermitIsCovered) {
    PermitRow p = growth("P-1", "H-1", "C-1");
    p.basis = "self_employed";
    p.decision_date = "2025-05-01";  // self-employed-extended: from 2026-01-01, decided ≥ 2025-01-01
    p.valid_from = "2025-06-01";
    p.valid_until = "2027-05-31";
    insert(conn(), p);
    insert(conn(), status("C-1", "bankrupt", "2025-12-01"));
    run_on(conn(), "2026-01-05");
    const auto s = inactive();
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].period_start, "2025-12-01");
}

TEST_F(CompanyInactiveTest, BasisOutsideTheTypeIsNotRaised) {
    PermitRow p = growth("P-1", "H-1", "C-1");
    p.basis = "specialist";  // specialist-extended, with a company_id it does not need
    p.employer_id = "E-1";
    insert(conn(), p);
    insert(conn(), status("C-1", "bankrupt", "2024-07-01"));
    run_on(conn(), "2024-07-20");
    EXPECT_EQ(count("SELECT count(*) FROM supervision.supervised_permit WHERE permit_id = 'P-1'"), 1);
    EXPECT_TRUE(inactive().empty());
}

}  // namespace
}  // namespace supervision::test
