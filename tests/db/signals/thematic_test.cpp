// rules.md §5 thematic: a configured campaign (id, active from–to, selection by bases,
// sequences, decision dates and optionally a signal type already open) selects the
// permit; one signal per (permit, campaign), keyed by the campaign id.
#include "support/registry_builder.h"
#include "support/run_helpers.h"
#include "support/signal_queries.h"
#include "support/test_database.h"

#include <gtest/gtest.h>

namespace supervision::test {
namespace {

// The default configuration with `campaigns: []` replaced by the given YAML list items.
config::Config with_campaigns(const std::string& items) {
    return config_replacing("campaigns: []", "campaigns:\n" + items);
}

// March 2025, growth-entrepreneur extended permits decided in the first half of 2024.
const std::string kGrowthCampaign =
    "  - id: growth-h1-2024\n"
    "    active_from: 2025-03-01\n"
    "    active_until: 2025-03-31\n"
    "    bases: [growth_entrepreneur]\n"
    "    sequences: [extended]\n"
    "    decided_from: 2024-01-01\n"
    "    decided_until: 2024-06-30\n";

PermitRow permit(const std::string& id, const std::string& person, const std::string& basis,
                 const std::string& sequence, const std::string& decided) {
    PermitRow p;
    p.permit_id = id;
    p.person_id = person;
    p.basis = basis;
    p.sequence = sequence;
    p.decision_date = decided;
    p.valid_from = "2024-07-01";
    p.valid_until = "2026-06-30";
    if (basis == "growth_entrepreneur") {
        p.employer_id = std::nullopt;
        p.company_id = "C-" + id;
    }
    return p;
}

class ThematicTest : public DbTest {
protected:
    void SetUp() override {
        DbTest::SetUp();
        set_all_sources(conn(), "2025-02-28");
    }
    std::vector<SignalRow> thematic(const std::string& permit) { return signals_of(conn(), permit, "thematic"); }
};

TEST_F(ThematicTest, CampaignSelectsByBasisSequenceAndDecisionDatesInclusive) {
    const auto cfg = with_campaigns(kGrowthCampaign);
    insert(conn(), permit("P-from", "H-1", "growth_entrepreneur", "extended", "2024-01-01"));
    insert(conn(), permit("P-until", "H-2", "growth_entrepreneur", "extended", "2024-06-30"));
    insert(conn(), permit("P-early", "H-3", "growth_entrepreneur", "extended", "2023-12-31"));
    insert(conn(), permit("P-late", "H-4", "growth_entrepreneur", "extended", "2024-07-01"));
    insert(conn(), permit("P-first", "H-5", "growth_entrepreneur", "first", "2024-03-01"));
    insert(conn(), permit("P-spec", "H-6", "specialist", "extended", "2024-03-01"));
    run_on(conn(), cfg, "2025-03-10");
    EXPECT_EQ(count("SELECT count(*) FROM supervision.supervised_permit"), 6);
    for (const std::string p : {"P-from", "P-until"}) {
        SCOPED_TRACE(p);
        const auto s = thematic(p);
        ASSERT_EQ(s.size(), 1u);
        EXPECT_EQ(s[0].status, "open");
        EXPECT_EQ(s[0].signal_key, "growth-h1-2024");
        EXPECT_EQ(s[0].raised_on, "2025-03-10");
        EXPECT_EQ(s[0].period_start, "2025-03-01");
        EXPECT_EQ(s[0].period_end, "2025-03-10");
        EXPECT_EQ(s[0].evidence["campaign_id"], "growth-h1-2024");
    }
    for (const std::string p : {"P-early", "P-late", "P-first", "P-spec"}) {
        SCOPED_TRACE(p);
        EXPECT_TRUE(thematic(p).empty());
    }
}

TEST_F(ThematicTest, RaisedOnlyFromActiveFrom) {
    const auto cfg = with_campaigns(kGrowthCampaign);
    insert(conn(), permit("P-1", "H-1", "growth_entrepreneur", "extended", "2024-03-01"));
    run_on(conn(), cfg, "2025-02-28");
    EXPECT_TRUE(thematic("P-1").empty());
    run_on(conn(), cfg, "2025-03-01");
    const auto s = thematic("P-1");
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].raised_on, "2025-03-01");
}

TEST_F(ThematicTest, OpenThroughActiveUntilAndResolvedTheDayAfter) {
    const auto cfg = with_campaigns(kGrowthCampaign);
    insert(conn(), permit("P-1", "H-1", "growth_entrepreneur", "extended", "2024-03-01"));
    run_on(conn(), cfg, "2025-03-01");
    run_on(conn(), cfg, "2025-03-31");
    auto s = thematic("P-1");
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].status, "open");
    EXPECT_EQ(s[0].period_end, "2025-03-31");
    run_on(conn(), cfg, "2025-04-01");
    s = thematic("P-1");
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].status, "resolved");
    EXPECT_EQ(s[0].resolved_on, std::optional<std::string>("2025-04-01"));
    EXPECT_EQ(s[0].resolution, std::optional<std::string>("condition_ended"));
}

TEST_F(ThematicTest, WithOpenSignalSelectsOnlyPermitsWhoseConditionHolds) {
    const auto cfg = with_campaigns(
        "  - id: emigrated-growth\n"
        "    active_from: 2025-03-01\n"
        "    active_until: 2025-03-31\n"
        "    bases: [growth_entrepreneur]\n"
        "    with_open_signal: [emigrated]\n");
    insert(conn(), permit("P-1", "H-1", "growth_entrepreneur", "extended", "2024-03-01"));
    insert(conn(), permit("P-2", "H-2", "growth_entrepreneur", "extended", "2024-03-01"));
    insert(conn(), EventRow{"EV-1", std::string("H-1"), std::string("emigrated"), std::string("2025-02-01")});
    run_on(conn(), cfg, "2025-03-10");
    const auto s = thematic("P-1");
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].signal_key, "emigrated-growth");
    EXPECT_EQ(s[0].evidence["matched_open_signals"], nlohmann::json::array({"emigrated"}));
    EXPECT_TRUE(thematic("P-2").empty());
}

TEST_F(ThematicTest, WithOpenSignalCampaignResolvesWhenTheConditionEnds) {
    const auto cfg = with_campaigns(
        "  - id: emigrated-growth\n"
        "    active_from: 2025-03-01\n"
        "    active_until: 2025-03-31\n"
        "    bases: [growth_entrepreneur]\n"
        "    with_open_signal: [emigrated]\n");
    insert(conn(), permit("P-1", "H-1", "growth_entrepreneur", "extended", "2024-03-01"));
    insert(conn(), EventRow{"EV-1", std::string("H-1"), std::string("emigrated"), std::string("2025-02-01")});
    insert(conn(), EventRow{"EV-2", std::string("H-1"), std::string("returned"), std::string("2025-03-15")});
    run_on(conn(), cfg, "2025-03-10");
    ASSERT_TRUE(open_signal(conn(), "P-1", "thematic").has_value());
    run_on(conn(), cfg, "2025-03-15");
    const auto s = thematic("P-1");
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].status, "resolved");
    EXPECT_EQ(s[0].resolved_on, std::optional<std::string>("2025-03-15"));
}

TEST_F(ThematicTest, TwoCampaignsRaiseTwoSignalsKeyedByCampaign) {
    const auto cfg = with_campaigns(kGrowthCampaign +
                                    "  - id: all-growth\n"
                                    "    active_from: 2025-02-01\n"
                                    "    active_until: 2025-12-31\n"
                                    "    bases: [growth_entrepreneur, specialist]\n");
    insert(conn(), permit("P-1", "H-1", "growth_entrepreneur", "extended", "2024-03-01"));
    run_on(conn(), cfg, "2025-03-10");
    const auto s = thematic("P-1");
    ASSERT_EQ(s.size(), 2u);
    EXPECT_EQ(s[0].signal_key, "all-growth");
    EXPECT_EQ(s[1].signal_key, "growth-h1-2024");
    EXPECT_EQ(s[0].status, "open");
    EXPECT_EQ(s[1].status, "open");
    EXPECT_NE(s[0].signal_id, s[1].signal_id);
    EXPECT_EQ(s[0].period_start, "2025-02-01");
    EXPECT_EQ(s[1].period_start, "2025-03-01");
}

}  // namespace
}  // namespace supervision::test
