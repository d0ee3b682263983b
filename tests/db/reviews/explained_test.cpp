// rules.md §6: explained signals and escalation. A supervisor records that a signal type on
// a permit is explained until a day: while as_of ≤ explained_until it weighs 0 in the
// score, from the next day it weighs again, and the latest record holds. When new signals
// join an open review, its priority rises to the sum of its linked open signals' weights
// (explained ones 0) if that is higher, and where it reaches the queue's urgent_threshold
// its due date comes forward to as_of + urgent_sla_days.
#include "support/registry_builder.h"
#include "support/run_helpers.h"
#include "support/signal_queries.h"
#include "support/test_database.h"

namespace supervision::test {
namespace {

const char* const kWorkQueue =
    "bases: [specialist, eu_blue_card, employed, other_work]\n    daily_capacity: [{from: 2000-01-01, value: 50}]\n"
    "    sla_days: [{from: 2000-01-01, value: 30}]";

// The work queue with escalation: urgent from `from` at priority `threshold`, within 7 days.
config::Config urgent(const std::string& from, const std::string& threshold) {
    return config_replacing(kWorkQueue, std::string(kWorkQueue) + "\n    urgent_threshold: [{from: " + from +
                                            ", value: " + threshold + "}]\n    urgent_sla_days: [{from: " + from +
                                            ", value: 7}]");
}

class ExplainedTest : public DbTest {
protected:
    void SetUp() override {
        DbTest::SetUp();
        set_all_sources(conn(), "2024-06-30");
        set_source(conn(), "incomes", "2023-12-31");  // no complete income month: no income signals
        PermitRow p;
        p.valid_from = "2024-01-01";
        p.decision_date = "2023-12-01";
        insert(conn(), p);
    }
    void emigrate(const std::string& day) { insert(conn(), EventRow{"EV-" + day, "H-1", "emigrated", day}); }
    void notice(const std::string& day) {
        insert(conn(), NoticeRow{"N-" + day, "H-1", std::string("E-1"), std::string(day)});
    }
    void explain(const std::string& type, const std::string& until, const std::string& permit = "P-1") {
        exec(conn(),
             "INSERT INTO supervision.signal_explanation (permit_id, signal_type, explained_until, reason) "
             "VALUES ('" +
                 permit + "', '" + type + "', '" + until + "', 'parental leave')");
    }
    std::string reviews() {
        return scalar(
            "SELECT coalesce(string_agg(review_id || ':' || opened_on || ':' || priority || ':' || due_on, "
            "' ' ORDER BY review_id), '') FROM supervision.revocation_review");
    }
    std::string events() {
        return scalar(
            "SELECT coalesce(string_agg(event_id || ':' || kind || ':' || coalesce(review_id::text, '-'), ' ' "
            "ORDER BY event_id), '') FROM supervision.event");
    }
};

TEST_F(ExplainedTest, AnExplainedSignalWeighsNothingThroughExplainedUntilAndAgainTheDayAfter) {
    emigrate("2024-06-20");
    explain("emigrated", "2024-07-02");
    run_on(conn(), "2024-07-01");
    EXPECT_EQ(reviews(), "");
    EXPECT_EQ(count("SELECT count(*) FROM supervision.review_backlog"), 0);
    ASSERT_TRUE(open_signal(conn(), "P-1", "emigrated")) << "the signal stays open and visible";
    run_on(conn(), "2024-07-02");  // as_of = explained_until
    EXPECT_EQ(reviews(), "");
    run_on(conn(), "2024-07-03");  // the day after
    EXPECT_EQ(reviews(), "1:2024-07-03:1:2024-08-02");
}

TEST_F(ExplainedTest, TheLatestRecordHoldsAlsoWhenItIsShorter) {
    emigrate("2024-06-20");
    explain("emigrated", "2024-12-31");
    explain("emigrated", "2024-07-01");
    run_on(conn(), "2024-07-01");
    EXPECT_EQ(reviews(), "");
    run_on(conn(), "2024-07-02");
    EXPECT_EQ(reviews(), "1:2024-07-02:1:2024-08-01");
}

TEST_F(ExplainedTest, AnExplanationOfAnotherTypeOrPermitChangesNothing) {
    emigrate("2024-06-20");
    explain("no_income", "2024-12-31");
    explain("emigrated", "2024-12-31", "P-2");
    run_on(conn(), "2024-07-01");
    EXPECT_EQ(reviews(), "1:2024-07-01:1:2024-07-31");
}

TEST_F(ExplainedTest, TheReviewsEvidenceShowsTheExplanationOfASignalThatWeighsNothing) {
    emigrate("2024-06-20");
    notice("2024-06-25");
    explain("employment_ended", "2024-12-31");
    run_on(conn(), "2024-07-01");
    EXPECT_EQ(reviews(), "1:2024-07-01:1:2024-07-31") << "priority 1.0, not 1.5";
    const auto evidence = reviews_of(conn(), "P-1").at(0).evidence;
    ASSERT_EQ(evidence["signals"].size(), 2u);
    EXPECT_EQ(evidence["signals"][1]["signal_type"], "employment_ended");
    EXPECT_EQ(evidence["signals"][1]["explained_until"], "2024-12-31");
    EXPECT_EQ(evidence["signals"][1]["explanation"], "parental leave");
    EXPECT_FALSE(evidence["signals"][0].contains("explained_until"));
}

TEST_F(ExplainedTest, NewSignalsRaiseTheReviewsPriorityAndAnUrgentOneComesForward) {
    const auto cfg = urgent("2024-07-01", "1.5");
    emigrate("2024-06-20");
    run_on(conn(), cfg, "2024-07-01");
    EXPECT_EQ(reviews(), "1:2024-07-01:1:2024-07-31");
    notice("2024-07-05");
    const auto r = run_on(conn(), cfg, "2024-07-05");
    EXPECT_EQ(reviews(), "1:2024-07-01:1.5:2024-07-12");
    EXPECT_EQ(r.counts["reviews_escalated"], 1);
    EXPECT_EQ(events(), "1:review_opened:1 2:signals_linked:1 3:priority_raised:1");
    EXPECT_EQ(scalar("SELECT detail::text FROM supervision.event WHERE kind = 'priority_raised'"),
              R"({"due_on": "2024-07-12", "priority": 1.5, "due_on_before": "2024-07-31", "priority_before": 1})");
    EXPECT_EQ(scalar("SELECT string_agg(operation || ':' || coalesce(new_values->>'priority', '') || ':' || "
                     "coalesce(new_values->>'due_on', ''), ' ' ORDER BY audit_id) FROM supervision.review_audit"),
              "INSERT:1:2024-07-31 UPDATE:1.5:2024-07-12");
}

TEST_F(ExplainedTest, BelowTheUrgentThresholdOnlyThePriorityRises) {
    const auto cfg = urgent("2024-07-01", "2.0");
    emigrate("2024-06-20");
    run_on(conn(), cfg, "2024-07-01");
    notice("2024-07-05");
    run_on(conn(), cfg, "2024-07-05");
    EXPECT_EQ(reviews(), "1:2024-07-01:1.5:2024-07-31");
}

TEST_F(ExplainedTest, UrgencyCountsFromTheDayItsThresholdComesIntoForce) {
    const auto cfg = urgent("2024-07-06", "1.5");
    emigrate("2024-06-20");
    run_on(conn(), cfg, "2024-07-01");
    notice("2024-07-05");
    run_on(conn(), cfg, "2024-07-05");  // the day before: not urgent yet
    EXPECT_EQ(reviews(), "1:2024-07-01:1.5:2024-07-31");
    // The signal is linked already; urgency needs new signals to join (rules.md §6).
    run_on(conn(), cfg, "2024-07-06");
    EXPECT_EQ(reviews(), "1:2024-07-01:1.5:2024-07-31");
}

TEST_F(ExplainedTest, AnExplainedSignalJoinsItsReviewWithoutRaisingItsPriority) {
    const auto cfg = urgent("2024-07-01", "1.5");
    emigrate("2024-06-20");
    run_on(conn(), cfg, "2024-07-01");
    notice("2024-07-05");
    explain("employment_ended", "2024-07-31");
    const auto r = run_on(conn(), cfg, "2024-07-05");
    EXPECT_EQ(r.counts["signals_linked_to_open_reviews"], 1);
    EXPECT_EQ(r.counts["reviews_escalated"], 0);
    EXPECT_EQ(reviews(), "1:2024-07-01:1:2024-07-31");
    EXPECT_EQ(events(), "1:review_opened:1 2:signals_linked:1");
}

}  // namespace
}  // namespace supervision::test
