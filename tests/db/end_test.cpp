// rules.md §3 "End": expired, revoked, withdrawn, deceased; precedence; ended_on.
#include "support/registry_builder.h"
#include "support/run_helpers.h"
#include "support/test_database.h"

namespace supervision::test {
namespace {

class EndTest : public DbTest {
protected:
    void SetUp() override {
        DbTest::SetUp();
        PermitRow p;
        p.permit_id = "P-1";
        p.person_id = "H-1";
        p.valid_from = "2024-01-01";
        p.valid_until = "2024-12-31";
        insert(conn(), p);
        run_on(conn(), "2024-06-17");
        ASSERT_EQ(end_of("P-1"), "active");
    }
    std::string end_of(const std::string& permit) {
        return scalar(
            "SELECT coalesce(end_reason || ' ' || ended_on::text, 'active') "
            "FROM supervision.supervised_permit WHERE permit_id = '" +
            permit + "'");
    }
};

TEST_F(EndTest, ExpiresTheDayAfterValidUntil) {
    run_on(conn(), "2024-12-31");
    EXPECT_EQ(end_of("P-1"), "active");
    run_on(conn(), "2025-01-01");
    EXPECT_EQ(end_of("P-1"), "expired 2025-01-01");
}

TEST_F(EndTest, EndedOnIsTheAsOfOfTheRunThatSawIt) {
    run_on(conn(), "2025-02-10");  // no run between 2024-12-31 and now
    EXPECT_EQ(end_of("P-1"), "expired 2025-02-10");
}

TEST_F(EndTest, RevokedFromItsStatusDate) {
    exec(conn(), "UPDATE registry.permit SET status = 'revoked', status_date = '2024-08-01'");
    run_on(conn(), "2024-07-31");
    EXPECT_EQ(end_of("P-1"), "active");
    run_on(conn(), "2024-08-01");
    EXPECT_EQ(end_of("P-1"), "revoked 2024-08-01");
}

TEST_F(EndTest, Withdrawn) {
    exec(conn(), "UPDATE registry.permit SET status = 'withdrawn', status_date = '2024-07-01'");
    run_on(conn(), "2024-07-02");
    EXPECT_EQ(end_of("P-1"), "withdrawn 2024-07-02");
}

TEST_F(EndTest, DeceasedOnOrBeforeAsOf) {
    insert(conn(), EventRow{"EV-d", std::string("H-1"), std::string("deceased"), std::string("2024-09-30")});
    run_on(conn(), "2024-09-29");
    EXPECT_EQ(end_of("P-1"), "active");
    run_on(conn(), "2024-09-30");
    EXPECT_EQ(end_of("P-1"), "deceased 2024-09-30");
}

TEST_F(EndTest, RevocationWinsOverDeathAndExpiry) {
    exec(conn(), "UPDATE registry.permit SET status = 'revoked', status_date = '2024-11-01'");
    insert(conn(), EventRow{"EV-d", std::string("H-1"), std::string("deceased"), std::string("2024-10-01")});
    run_on(conn(), "2025-03-01");
    EXPECT_EQ(end_of("P-1"), "revoked 2025-03-01");
}

TEST_F(EndTest, DeathWinsOverExpiry) {
    insert(conn(), EventRow{"EV-d", std::string("H-1"), std::string("deceased"), std::string("2024-10-01")});
    run_on(conn(), "2025-03-01");
    EXPECT_EQ(end_of("P-1"), "deceased 2025-03-01");
}

TEST_F(EndTest, EndedEnrolmentIsKeptAndNotEndedAgain) {
    run_on(conn(), "2025-01-01");
    const auto again = run_on(conn(), "2025-01-05");
    EXPECT_EQ(end_of("P-1"), "expired 2025-01-01");
    EXPECT_EQ(again.counts["ended"].get<long long>(), 0);
    EXPECT_EQ(again.counts["evaluated"].get<long long>(), 0);
}

TEST_F(EndTest, RejectedPermitIsNeitherEndedNorEvaluatedWhileRejected) {
    // The register breaks the row after enrolment: validity reversed.
    exec(conn(), "UPDATE registry.permit SET valid_until = '2023-12-31'");
    const auto broken = run_on(conn(), "2025-01-02");
    EXPECT_EQ(end_of("P-1"), "active");
    EXPECT_EQ(broken.counts["evaluated"].get<long long>(), 0);
    EXPECT_EQ(count("SELECT count(*) FROM supervision.rejected_row WHERE source_key = 'P-1'"), 1);
    // Fixed: it ends on the next run, as expired.
    exec(conn(), "UPDATE registry.permit SET valid_until = '2024-12-31'");
    run_on(conn(), "2025-01-03");
    EXPECT_EQ(end_of("P-1"), "expired 2025-01-03");
    EXPECT_EQ(count("SELECT count(*) FROM supervision.rejected_row"), 0);
}

}  // namespace
}  // namespace supervision::test
