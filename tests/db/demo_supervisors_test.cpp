// The demo's supervisors (docs/demo-data.md): between the nights of the demo's history they
// move reviews open → hearing → closed as the database allows, at the drawn rates, on the
// drawn days, never before a review opened or after the day they work to; revoked reviews
// revoke their permit in the register, and the next night ends its supervision. Only on
// demo registers.
#include "demo/supervisors.h"
#include "errors.h"
#include "support/registry_builder.h"
#include "support/run_helpers.h"
#include "support/test_database.h"

namespace supervision::test {
namespace {

class DemoSupervisorsTest : public DbTest {
protected:
    demo::SupervisorsDay play(const std::string& until, long long seed = 42) {
        return demo::play_supervisors(conn(), *rules::parse_iso_date(until), seed);
    }
};

TEST_F(DemoSupervisorsTest, RefusedOnRegistersThatAreNotTheDemos) {
    insert(conn(), PermitRow{});
    EXPECT_THROW(play("2025-11-04"), UsageError);
}

TEST_F(DemoSupervisorsTest, ReviewsMoveAsTheDatabaseAllowsOnTheirDrawnDays) {
    load_small_demo(conn(), "2025-11-04");
    run_on(conn(), "2025-09-01");
    const long long opened = count("SELECT count(*) FROM supervision.revocation_review");
    ASSERT_GT(opened, 20) << "the demo's first night should open reviews";
    // A week on: no decision can be due yet (the earliest is 5 days after opening, a hearing
    // at 7), bar those without a hearing.
    const auto week = play("2025-09-07");
    EXPECT_EQ(week.heard, 0);
    EXPECT_EQ(count("SELECT count(*) FROM supervision.revocation_review WHERE closed_on > '2025-09-07'"), 0);
    // Two months on: every review is heard by day 27 and decided by day 27 + 56 = 83 at the
    // latest, so some are still pending; every decision lies between opening and the day.
    const auto later = play("2025-11-03");
    EXPECT_GT(later.closed, 0);
    EXPECT_EQ(count("SELECT count(*) FROM supervision.revocation_review "
                    "WHERE status = 'closed' AND (closed_on < opened_on OR closed_on > '2025-11-03')"),
              0);
    // Revoked exactly when the drawn share is under 0.28, and then always after a hearing.
    EXPECT_EQ(count("SELECT count(*) FROM supervision.revocation_review WHERE status = 'closed' "
                    "AND (outcome = 'revoked') <> ((hashtextextended('outcome/' || review_id, 42) & 16777215) "
                    "/ 16777216.0 < 0.28)"),
              0);
    EXPECT_EQ(count("SELECT count(*) FROM supervision.revocation_review r WHERE r.outcome = 'revoked' "
                    "AND NOT EXISTS (SELECT 1 FROM supervision.review_audit a WHERE a.review_id = r.review_id "
                    "AND a.new_values->>'status' = 'hearing')"),
              0);
    // Playing the same days again changes nothing.
    const auto again = play("2025-11-03");
    EXPECT_EQ(again.heard + again.closed + again.revoked + again.explained, 0);
}

TEST_F(DemoSupervisorsTest, NowAndThenAnOfficialExplainsASignalRaisedInTheWeek) {
    load_small_demo(conn(), "2025-11-04");
    run_on(conn(), "2025-09-01");
    // The drawn tenth of the week's no_income and employment_ended signals, by the seed.
    const std::string drawn =
        "SELECT count(*) FROM supervision.signal WHERE signal_type IN ('no_income', 'employment_ended') "
        "AND raised_on BETWEEN '2025-09-01' AND '2025-09-07' "
        "AND (hashtextextended('explain/' || signal_id, 42) & 16777215) / 16777216.0 < 0.1";
    const long long expected = count(drawn);
    ASSERT_GT(expected, 0) << "the small demo's first night should raise some of them";
    EXPECT_EQ(play("2025-09-07").explained, expected);
    EXPECT_EQ(count("SELECT count(*) FROM supervision.signal_explanation WHERE explained_until = '2025-12-06' "
                    "AND recorded_by = 'demo-official' AND reason LIKE '%(demo)'"),
              expected);
    // Every explanation names a signal of its permit and type; the next week adds none for them.
    EXPECT_EQ(count("SELECT count(*) FROM supervision.signal_explanation e WHERE NOT EXISTS (SELECT 1 FROM "
                    "supervision.signal s WHERE s.permit_id = e.permit_id AND s.signal_type = e.signal_type)"),
              0);
    EXPECT_EQ(play("2025-09-07").explained, 0);
}

TEST_F(DemoSupervisorsTest, ARevokedReviewRevokesItsPermitAndTheNextNightEndsItsSupervision) {
    load_small_demo(conn(), "2025-11-04");
    run_on(conn(), "2025-09-01");
    const auto d = play("2025-11-03");
    ASSERT_GT(d.revoked, 0);
    // Each revoked permit carries its review's closed_on as status_date.
    EXPECT_EQ(count("SELECT count(*) FROM registry.permit p JOIN supervision.revocation_review r USING (permit_id) "
                    "WHERE r.outcome = 'revoked' AND p.status = 'revoked' AND p.status_date = r.closed_on"),
              d.revoked);
    run_on(conn(), "2025-11-04");
    EXPECT_EQ(count("SELECT count(*) FROM supervision.supervised_permit sp JOIN supervision.revocation_review r "
                    "USING (permit_id) WHERE r.outcome = 'revoked' AND sp.end_reason = 'revoked' "
                    "AND sp.ended_on = '2025-11-04'"),
              d.revoked);
}

}  // namespace
}  // namespace supervision::test
