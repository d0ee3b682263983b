// rules.md §6: scoring, candidates, queues, daily capacity, backlog, linking, cooldown.
// The vehicle is the emigrated signal (weight 1.0, every basis) and employment_ended
// (weight 0.5).
#include "support/registry_builder.h"
#include "support/run_helpers.h"
#include "support/signal_queries.h"
#include "support/test_database.h"

namespace supervision::test {
namespace {

const char* const kWorkCapacity =
    "bases: [specialist, eu_blue_card, employed, other_work]\n    daily_capacity: [{from: 2000-01-01, value: 50}]";

// The work queue opens nothing before 2024-07-02 and two a day from then on.
config::Config two_a_day_from_july_second() {
    return config_replacing(kWorkCapacity,
                            "bases: [specialist, eu_blue_card, employed, other_work]\n"
                            "    daily_capacity: [{from: 2000-01-01, value: 0}, {from: 2024-07-02, value: 2}]");
}

class QueueTest : public DbTest {
protected:
    void SetUp() override {
        DbTest::SetUp();
        set_all_sources(conn(), "2024-06-30");
        // No complete income month: the income signals stay out of these tests.
        set_source(conn(), "incomes", "2023-12-31");
    }
    void specialist(const std::string& id, const std::string& basis = "specialist") {
        PermitRow p;
        p.permit_id = id;
        p.person_id = "H-" + id;
        p.basis = basis;
        p.company_id = "C-" + id;
        p.institution_id = "I-" + id;
        p.valid_from = "2024-01-01";
        p.valid_until = "2026-12-31";
        p.decision_date = "2023-12-01";
        insert(conn(), p);
    }
    void emigrate(const std::string& id, const std::string& day, const std::string& type = "emigrated") {
        insert(conn(), EventRow{"EV-" + id + "-" + day + "-" + type, "H-" + id, type, day});
    }
    void notice(const std::string& id, const std::string& day) {
        insert(conn(), NoticeRow{"N-" + id + "-" + day, "H-" + id, std::string("E-1"), day});
    }
    std::string backlog() {
        return scalar(
            "SELECT coalesce(string_agg(permit_id || ':' || since || ':' || score, ' ' ORDER BY permit_id), '') "
            "FROM supervision.review_backlog");
    }
    std::string opened_on(const std::string& day) {
        return scalar(
            "SELECT coalesce(string_agg(permit_id, ' ' ORDER BY review_id), '') "
            "FROM supervision.revocation_review WHERE opened_on = '" +
            day + "'");
    }
};

TEST_F(QueueTest, CapacityOpensByScoreThenEarliestSignalThenPermitAndKeepsTheRestInTheBacklog) {
    const auto cfg = two_a_day_from_july_second();
    for (const char* id : {"P-0", "P-1", "P-2", "P-3"}) specialist(id);
    emigrate("P-1", "2024-06-20");
    emigrate("P-2", "2024-06-20");
    run_on(conn(), cfg, "2024-07-01");  // capacity 0: both wait
    EXPECT_EQ(backlog(), "P-1:2024-07-01:1 P-2:2024-07-01:1");
    emigrate("P-0", "2024-07-01");
    emigrate("P-3", "2024-07-01");
    notice("P-3", "2024-07-01");  // 1.0 + 0.5
    run_on(conn(), cfg, "2024-07-02");
    // P-3 scores highest; P-1 and P-2 tie on score and raised_on; P-1 wins on permit_id.
    EXPECT_EQ(opened_on("2024-07-02"), "P-3 P-1");
    EXPECT_EQ(backlog(), "P-0:2024-07-02:1 P-2:2024-07-01:1");
    run_on(conn(), cfg, "2024-07-03");
    // P-2's signal is older than P-0's: it goes first.
    EXPECT_EQ(opened_on("2024-07-03"), "P-2 P-0");
    EXPECT_EQ(backlog(), "");
}

TEST_F(QueueTest, CapacityCountsReviewsOpenedByAnEarlierRunThatDay) {
    const auto cfg = two_a_day_from_july_second();
    for (const char* id : {"P-1", "P-2", "P-3", "P-4"}) specialist(id);
    emigrate("P-1", "2024-06-20");
    emigrate("P-2", "2024-06-20");
    run_on(conn(), cfg, "2024-07-02");
    EXPECT_EQ(opened_on("2024-07-02"), "P-1 P-2");
    emigrate("P-3", "2024-06-21");
    emigrate("P-4", "2024-06-21");
    const auto again = run_on(conn(), cfg, "2024-07-02");
    EXPECT_EQ(again.counts["reviews_opened"].get<long long>(), 0);
    EXPECT_EQ(backlog(), "P-3:2024-07-02:1 P-4:2024-07-02:1");
}

TEST_F(QueueTest, OpenedReviewHasDueOnPriorityQueueAndItsSignalsLinked) {
    specialist("P-1");
    emigrate("P-1", "2024-06-20");
    notice("P-1", "2024-06-25");
    run_on(conn(), "2024-07-01");
    const auto reviews = reviews_of(conn(), "P-1");
    ASSERT_EQ(reviews.size(), 1u);
    EXPECT_EQ(reviews[0].queue, "work");
    EXPECT_EQ(reviews[0].status, "open");
    EXPECT_DOUBLE_EQ(reviews[0].priority, 1.5);
    EXPECT_EQ(reviews[0].opened_on, "2024-07-01");
    EXPECT_EQ(reviews[0].due_on, "2024-07-31");
    EXPECT_EQ(reviews[0].evidence["signals"].size(), 2u);
    for (const auto& s : signals_of(conn(), "P-1")) EXPECT_EQ(s.review_id, reviews[0].review_id);
}

TEST_F(QueueTest, QueueFollowsTheBasis) {
    // growth and students need their own inputs to be enrolled and valid.
    specialist("P-w");
    PermitRow g;
    g.permit_id = "P-g";
    g.person_id = "H-P-g";
    g.basis = "growth_entrepreneur";
    g.company_id = "C-g";
    g.sequence = "extended";
    insert(conn(), g);
    PermitRow s;
    s.permit_id = "P-s";
    s.person_id = "H-P-s";
    s.basis = "student";
    s.sequence = "first";
    s.institution_id = "I-1";
    s.valid_from = "2023-09-01";
    insert(conn(), s);
    for (const char* id : {"P-w", "P-g", "P-s"}) emigrate(id, "2024-06-20");
    run_on(conn(), "2024-07-01");
    EXPECT_EQ(reviews_of(conn(), "P-w").at(0).queue, "work");
    EXPECT_EQ(reviews_of(conn(), "P-g").at(0).queue, "enterprise");
    EXPECT_EQ(reviews_of(conn(), "P-s").at(0).queue, "study");
}

TEST_F(QueueTest, BasisInNoQueueGoesToGeneral) {
    const auto cfg =
        config_replacing("coverage_lines:\n",
                         "coverage_lines:\n  - id: researchers\n    effective_from: 2024-01-01\n"
                         "    bases: [researcher]\n    sequence: extended\n"
                         "    validity: {at_least_months: 6}\n    scope: {decision_date_on_or_after: 2023-01-01}\n");
    specialist("P-r", "researcher");
    emigrate("P-r", "2024-06-20");
    run_on(conn(), cfg, "2024-07-01");
    EXPECT_EQ(reviews_of(conn(), "P-r").at(0).queue, "general");
}

TEST_F(QueueTest, ScoreBelowThresholdIsNoCandidateAndAtThresholdIs) {
    specialist("P-half");
    specialist("P-one");
    notice("P-half", "2024-06-25");  // 0.5
    notice("P-one", "2024-06-25");
    run_on(conn(), "2024-07-01");
    EXPECT_TRUE(reviews_of(conn(), "P-half").empty());
    // A second 0.5 signal type is not available for specialists; emigration adds 1.0.
    emigrate("P-one", "2024-07-01");
    run_on(conn(), "2024-07-02");
    EXPECT_TRUE(reviews_of(conn(), "P-half").empty());
    ASSERT_EQ(reviews_of(conn(), "P-one").size(), 1u);
    EXPECT_DOUBLE_EQ(reviews_of(conn(), "P-one")[0].priority, 1.5);
    EXPECT_EQ(backlog(), "");
}

TEST_F(QueueTest, NewSignalOfAPermitUnderReviewIsLinkedAndOpensNoSecondReview) {
    specialist("P-1");
    emigrate("P-1", "2024-06-20");
    run_on(conn(), "2024-07-01");
    exec(conn(), "UPDATE supervision.revocation_review SET status = 'hearing'");
    notice("P-1", "2024-07-01");
    run_on(conn(), "2024-07-02");
    const auto reviews = reviews_of(conn(), "P-1");
    ASSERT_EQ(reviews.size(), 1u);
    EXPECT_EQ(reviews[0].status, "hearing");  // the run never changes it
    const auto ended = open_signal(conn(), "P-1", "employment_ended");
    ASSERT_TRUE(ended);
    EXPECT_EQ(ended->review_id, reviews[0].review_id);
}

TEST_F(QueueTest, NoActionStartsACooldownOfNinetyDays) {
    specialist("P-1");
    emigrate("P-1", "2024-06-20");
    run_on(conn(), "2024-07-01");
    exec(conn(),
         "UPDATE supervision.revocation_review SET status = 'closed', outcome = 'no_action', "
         "closed_on = '2024-07-10'");
    // The person returns and leaves again: a new, unreviewed signal.
    emigrate("P-1", "2024-07-15", "returned");
    run_on(conn(), "2024-07-16");
    emigrate("P-1", "2024-08-01");
    run_on(conn(), "2024-10-07");  // 89 days after closing
    EXPECT_EQ(reviews_of(conn(), "P-1").size(), 1u);
    EXPECT_EQ(backlog(), "");
    run_on(conn(), "2024-10-08");  // 90 days
    ASSERT_EQ(reviews_of(conn(), "P-1").size(), 2u);
    EXPECT_EQ(reviews_of(conn(), "P-1")[1].opened_on, "2024-10-08");
}

TEST_F(QueueTest, RevokedOutcomeStartsNoCooldown) {
    specialist("P-1");
    emigrate("P-1", "2024-06-20");
    run_on(conn(), "2024-07-01");
    exec(conn(),
         "UPDATE supervision.revocation_review SET status = 'closed', outcome = 'revoked', "
         "closed_on = '2024-07-10'");
    emigrate("P-1", "2024-07-15", "returned");
    run_on(conn(), "2024-07-16");
    emigrate("P-1", "2024-08-01");
    run_on(conn(), "2024-08-02");
    EXPECT_EQ(reviews_of(conn(), "P-1").size(), 2u);
}

TEST_F(QueueTest, EndedPermitLeavesTheBacklogButItsReviewStays) {
    const auto cfg = two_a_day_from_july_second();
    specialist("P-1");
    specialist("P-2");
    emigrate("P-1", "2024-06-20");
    emigrate("P-2", "2024-06-20");
    exec(conn(), "UPDATE registry.permit SET valid_until = '2024-07-01' WHERE permit_id = 'P-2'");
    run_on(conn(), cfg, "2024-07-01");
    EXPECT_EQ(backlog(), "P-1:2024-07-01:1 P-2:2024-07-01:1");
    run_on(conn(), cfg, "2024-07-02");  // P-2 expired
    EXPECT_EQ(backlog(), "");
    EXPECT_EQ(opened_on("2024-07-02"), "P-1");
    EXPECT_EQ(signals_of(conn(), "P-2").at(0).resolution, "supervision_ended");
}

TEST_F(QueueTest, RejectedPermitKeepsItsBacklogEntry) {
    const auto cfg = two_a_day_from_july_second();
    specialist("P-1");
    emigrate("P-1", "2024-06-20");
    run_on(conn(), cfg, "2024-07-01");
    exec(conn(), "UPDATE registry.permit SET basis = 'tourist'");
    run_on(conn(), cfg, "2024-07-02");
    EXPECT_EQ(backlog(), "P-1:2024-07-01:1");
    EXPECT_TRUE(reviews_of(conn(), "P-1").empty());
}

TEST_F(QueueTest, WorkQueueViewListsActiveReviewsMostUrgentFirst) {
    for (const char* id : {"P-1", "P-2"}) specialist(id);
    emigrate("P-1", "2024-06-20");
    emigrate("P-2", "2024-06-20");
    notice("P-2", "2024-06-25");
    run_on(conn(), "2024-07-01");
    EXPECT_EQ(scalar("SELECT string_agg(permit_id || ':' || priority, ' ') FROM supervision.work_queue"),
              "P-2:1.5 P-1:1");
    exec(conn(),
         "UPDATE supervision.revocation_review SET status = 'closed', outcome = 'revoked', closed_on = "
         "'2024-07-05' WHERE permit_id = 'P-2'");
    EXPECT_EQ(scalar("SELECT string_agg(permit_id, ' ') FROM supervision.work_queue"), "P-1");
}

}  // namespace
}  // namespace supervision::test
