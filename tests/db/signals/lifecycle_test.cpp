// rules.md §5 signal lifecycle (one open signal per permit and type, extension,
// resolution, a new breach, idempotent re-runs) and rules.md §3 (supervision end and
// rejected permits), with `emigrated` and `company_inactive` as the vehicles.
#include "support/registry_builder.h"
#include "support/run_helpers.h"
#include "support/signal_queries.h"
#include "support/test_database.h"

#include <gtest/gtest.h>

namespace supervision::test {
namespace {

// A growth-entrepreneur extended permit (growth-extended), enrolled from 2024-06-01.
PermitRow growth(const std::string& id, const std::string& person, const std::string& valid_until = "2026-05-31") {
    PermitRow p = growth_extended(id, person, "C-" + id);
    p.valid_until = valid_until;
    return p;
}

class LifecycleTest : public DbTest {
protected:
    void SetUp() override {
        DbTest::SetUp();
        set_all_sources(conn(), "2024-05-31");
    }
    std::vector<SignalRow> emigrated(const std::string& permit = "P-1") {
        return signals_of(conn(), permit, "emigrated");
    }
    // Every column of every signal, for before/after comparisons.
    std::string all_signal_rows() {
        return scalar("SELECT coalesce(string_agg(s::text, E'\\n' ORDER BY signal_id), '') FROM supervision.signal s");
    }
};

TEST_F(LifecycleTest, ConditionThatKeepsHoldingKeepsOneOpenSignal) {
    insert(conn(), growth("P-1", "H-1"));
    insert(conn(), event("EV-1", "emigrated", "2024-07-10"));
    run_on(conn(), "2024-07-10");
    run_on(conn(), "2024-07-11");
    run_on(conn(), "2024-09-30");
    const auto s = emigrated();
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].status, "open");
    EXPECT_EQ(s[0].raised_on, "2024-07-10");
    EXPECT_EQ(s[0].period_start, "2024-07-10");
    EXPECT_EQ(s[0].period_end, "2024-09-30");
}

TEST_F(LifecycleTest, RerunOnTheSameAsOfChangesNothing) {
    insert(conn(), growth("P-1", "H-1"));
    insert(conn(), growth("P-2", "H-2"));
    insert(conn(), event("EV-1", "emigrated", "2024-07-10"));
    insert(conn(), CompanyStatusRow{"C-P-2", std::string("bankrupt"), "2024-07-01"});
    run_on(conn(), "2024-07-20");
    const std::string before = all_signal_rows();
    ASSERT_EQ(count("SELECT count(*) FROM supervision.signal"), 2);
    const auto again = run_on(conn(), "2024-07-20");
    EXPECT_EQ(all_signal_rows(), before);
    EXPECT_EQ(again.counts["signals_extended"].get<long long>(), 0);
}

TEST_F(LifecycleTest, ConditionEndedResolvesTheSignal) {
    insert(conn(), growth("P-1", "H-1"));
    insert(conn(), event("EV-1", "emigrated", "2024-07-10"));
    insert(conn(), event("EV-2", "returned", "2024-08-01"));
    run_on(conn(), "2024-07-10");
    run_on(conn(), "2024-08-01");
    const auto s = emigrated();
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].status, "resolved");
    EXPECT_EQ(s[0].resolved_on, std::optional<std::string>("2024-08-01"));
    EXPECT_EQ(s[0].resolution, std::optional<std::string>("condition_ended"));
    EXPECT_EQ(s[0].period_end, "2024-07-10");
}

TEST_F(LifecycleTest, NewBreachAfterResolutionOpensANewSignal) {
    insert(conn(), growth("P-1", "H-1"));
    insert(conn(), event("EV-1", "emigrated", "2024-07-10"));
    insert(conn(), event("EV-2", "returned", "2024-08-01"));
    insert(conn(), event("EV-3", "emigrated", "2024-09-01"));
    run_on(conn(), "2024-07-10");
    run_on(conn(), "2024-08-01");
    run_on(conn(), "2024-09-02");
    const auto s = emigrated();
    ASSERT_EQ(s.size(), 2u);
    EXPECT_NE(s[0].signal_id, s[1].signal_id);
    EXPECT_EQ(s[0].status, "resolved");
    EXPECT_EQ(s[0].raised_on, "2024-07-10");
    EXPECT_EQ(s[0].resolved_on, std::optional<std::string>("2024-08-01"));
    EXPECT_EQ(s[0].period_start, "2024-07-10");
    EXPECT_EQ(s[0].period_end, "2024-07-10");
    EXPECT_EQ(s[1].status, "open");
    EXPECT_EQ(s[1].raised_on, "2024-09-02");
    EXPECT_EQ(s[1].period_start, "2024-09-01");
    EXPECT_EQ(s[1].period_end, "2024-09-02");
    EXPECT_EQ(s[1].evidence["event_id"], "EV-3");
}

TEST_F(LifecycleTest, SupervisionEndResolvesOpenSignals) {
    insert(conn(), growth("P-1", "H-1", "2025-05-31"));
    insert(conn(), event("EV-1", "emigrated", "2024-07-10"));
    insert(conn(), CompanyStatusRow{"C-P-1", std::string("liquidation"), "2024-07-01"});
    run_on(conn(), "2025-05-31");
    ASSERT_EQ(count("SELECT count(*) FROM supervision.signal WHERE status = 'open'"), 2);
    run_on(conn(), "2025-06-01");  // as_of > valid_until: expired
    const auto all = signals_of(conn(), "P-1");
    ASSERT_EQ(all.size(), 2u);
    for (const auto& s : all) {
        SCOPED_TRACE(s.signal_type);
        EXPECT_EQ(s.status, "resolved");
        EXPECT_EQ(s.resolved_on, std::optional<std::string>("2025-06-01"));
        EXPECT_EQ(s.resolution, std::optional<std::string>("supervision_ended"));
        EXPECT_EQ(s.period_end, "2025-05-31");
    }
}

TEST_F(LifecycleTest, RejectedPermitKeepsItsOpenSignalUntouched) {
    insert(conn(), growth("P-1", "H-1"));
    insert(conn(), event("EV-1", "emigrated", "2024-07-10"));
    run_on(conn(), "2024-07-10");
    const std::string before = all_signal_rows();
    ASSERT_EQ(count("SELECT count(*) FROM supervision.signal WHERE status = 'open'"), 1);
    // The register breaks the row; meanwhile the person returns: were the permit
    // evaluated, the signal would be resolved, and were it ended, too.
    exec(conn(), "UPDATE registry.permit SET valid_until = '2024-01-01' WHERE permit_id = 'P-1'");
    insert(conn(), event("EV-2", "returned", "2024-07-15"));
    run_on(conn(), "2024-07-20");
    EXPECT_EQ(count("SELECT count(*) FROM supervision.rejected_row WHERE source_key = 'P-1'"), 1);
    EXPECT_EQ(all_signal_rows(), before);
}

TEST_F(LifecycleTest, EvidenceCarriesTypeConfigVersionAndDigest) {
    insert(conn(), growth("P-1", "H-1"));
    insert(conn(), event("EV-1", "emigrated", "2024-07-10"));
    const auto run = run_on(conn(), "2024-07-10");
    const auto s = emigrated();
    ASSERT_EQ(s.size(), 1u);
    const std::string digest =
        scalar("SELECT config_digest FROM supervision.run WHERE run_id = " + std::to_string(run.run_id));
    ASSERT_FALSE(digest.empty());
    EXPECT_EQ(s[0].evidence["signal_type"], "emigrated");
    EXPECT_EQ(s[0].evidence["config_version"], "2026.1");
    EXPECT_EQ(s[0].evidence["config_digest"], digest);
}

TEST_F(LifecycleTest, EvidenceStaysCompleteAfterTheSignalIsExtended) {
    insert(conn(), growth("P-1", "H-1"));
    insert(conn(), event("EV-1", "emigrated", "2024-07-10"));
    run_on(conn(), "2024-07-10");
    const auto raised = emigrated();
    ASSERT_EQ(raised.size(), 1u);
    run_on(conn(), "2024-07-11");
    const auto s = emigrated();
    ASSERT_EQ(s.size(), 1u);
    for (const auto& [key, value] : raised[0].evidence.items()) {
        SCOPED_TRACE(key);
        ASSERT_TRUE(s[0].evidence.contains(key));
        EXPECT_EQ(s[0].evidence[key], value);
    }
}

TEST_F(LifecycleTest, SignalIdsFollowPermitAndTypeOrderWithinARun) {
    // Inserted in reverse order; both permits get company_inactive and emigrated.
    insert(conn(), growth("P-B", "H-B"));
    insert(conn(), growth("P-A", "H-A"));
    insert(conn(), event("EV-1", "emigrated", "2024-07-01", "H-B"));
    insert(conn(), event("EV-2", "emigrated", "2024-07-01", "H-A"));
    insert(conn(), CompanyStatusRow{"C-P-B", std::string("bankrupt"), "2024-07-01"});
    insert(conn(), CompanyStatusRow{"C-P-A", std::string("bankrupt"), "2024-07-01"});
    run_on(conn(), "2024-07-10");
    EXPECT_EQ(scalar("SELECT string_agg(signal_id || ':' || permit_id || '/' || signal_type, ' ' ORDER BY signal_id) "
                     "FROM supervision.signal"),
              "1:P-A/company_inactive 2:P-A/emigrated 3:P-B/company_inactive 4:P-B/emigrated");
}

TEST_F(LifecycleTest, SignalIdsOfALaterRunContinueAfterTheExistingOnes) {
    insert(conn(), growth("P-A", "H-A"));
    insert(conn(), growth("P-B", "H-B"));
    insert(conn(), event("EV-1", "emigrated", "2024-07-01", "H-B"));
    insert(conn(), CompanyStatusRow{"C-P-A", std::string("bankrupt"), "2024-08-01"});
    run_on(conn(), "2024-07-10");
    run_on(conn(), "2024-08-01");
    EXPECT_EQ(scalar("SELECT string_agg(signal_id || ':' || permit_id || '/' || signal_type, ' ' ORDER BY signal_id) "
                     "FROM supervision.signal"),
              "1:P-B/emigrated 2:P-A/company_inactive");
}

}  // namespace
}  // namespace supervision::test
