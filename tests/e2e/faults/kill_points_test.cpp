// Fault injection: the run is killed (SIGKILL) at 20 points drawn from a fixed
// seed, between and inside stages; after each, the rerun's outcome (enrolments, signals,
// reviews, backlog, rejected rows, and the review audit trail) equals an uninterrupted
// run's, row by row.
//
// A point is "after the k-th line of standard error at --log-level debug": the binary
// logs one line after each SQL statement, so the kill lands while the next statement
// runs (or between two). The points are drawn over both days of a two-day history: a
// first run (everything inserted) and a second (rows updated, signals resolved and
// extended, reviews opened). Deterministic: the same seed kills at the same lines.
#include "e2e/faults/fault_support.h"
#include "support/outcome.h"
#include "support/run_helpers.h"
#include "support/test_database.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <set>

namespace supervision::test {
namespace {

constexpr const char* kDay1 = "2025-11-03";
constexpr const char* kDay2 = "2025-11-04";
constexpr unsigned kSeed = 20251104;
// SUPERVISION_KILL_POINTS overrides (e.g. 100 for a longer campaign; docs/reliability.md).
constexpr int kDefaultPoints = 20;

struct Reference {
    Outcome outcome;
    std::string audit;
    int lines = 0;
};

class KillPointsTest : public DbTest {
protected:
    void SetUp() override {
        DbTest::SetUp();
        load_small_demo(conn(), kDay2);
    }
    std::string args(const char* day) {
        return run_args(TestDatabase::instance().conninfo(), day, "--log-level debug");
    }
    // An uninterrupted run of `day`; its outcome and how many lines it logged.
    Reference run_whole(const char* day) {
        Child child(args(day));
        const int code = child.wait();
        EXPECT_EQ(code, 0) << child.err();
        return Reference{outcome_of(conn()), audit_digest(conn()), child.lines()};
    }
    std::string running_runs() { return scalar("SELECT count(*) FROM supervision.run WHERE status = 'running'"); }
};

int points_wanted() {
    const char* env = std::getenv("SUPERVISION_KILL_POINTS");
    return env != nullptr ? std::atoi(env) : kDefaultPoints;
}

TEST_F(KillPointsTest, KilledAtTwentyPointsEveryRerunEqualsAnUninterruptedRun) {
    const Reference day1 = run_whole(kDay1);
    const Reference day2 = run_whole(kDay2);
    ASSERT_NE(day2.outcome.signals.rfind("0:", 0), 0u) << "the demo data should raise signals";
    ASSERT_NE(day2.outcome.reviews.rfind("0:", 0), 0u) << "the demo data should open reviews";
    ASSERT_GT(day1.lines, 30);
    ASSERT_GT(day2.lines, 30);

    // Points k in [1, lines - 1] of either day, distinct, in a fixed pseudo-random order.
    const int total = day1.lines - 1 + day2.lines - 1;
    const int wanted = std::min(points_wanted(), total);
    std::mt19937 draw(kSeed);
    std::set<int> seen;
    std::vector<int> points;
    while (static_cast<int>(points.size()) < wanted) {
        const int p = static_cast<int>(draw() % static_cast<unsigned>(total));
        if (seen.insert(p).second) points.push_back(p);
    }

    int identical = 0;
    for (const int p : points) {
        const bool first_day = p < day1.lines - 1;
        const int line = (first_day ? p : p - (day1.lines - 1)) + 1;
        const char* day = first_day ? kDay1 : kDay2;
        const Reference& want = first_day ? day1 : day2;
        SCOPED_TRACE(std::string("killed on ") + day + " after line " + std::to_string(line));

        reset_outputs(conn());
        if (!first_day) {
            Child before(args(kDay1));
            ASSERT_EQ(before.wait(), 0) << before.err();
        }
        const Outcome before_kill = outcome_of(conn());
        std::string last_line;
        {
            Child victim(args(day));
            const bool reached = victim.read_until([&](const std::string& l, int n) {
                last_line = l;
                return n == line;
            });
            ASSERT_TRUE(reached) << "the run ended before line " << line;
            victim.signal(SIGKILL);
            const int code = victim.wait();
            // Killed, or (after its last statement) it finished first: both are valid.
            EXPECT_TRUE(code == -SIGKILL || code == 0) << code;
        }
        ASSERT_TRUE(wait_for_run_lock_free(conn())) << "the killed run's backend still holds the run lock";
        const Outcome after_kill = outcome_of(conn());
        EXPECT_TRUE(after_kill == before_kill || after_kill == want.outcome)
            << "the killed run left a partial trace: " << describe(after_kill);

        Child rerun(args(day));
        ASSERT_EQ(rerun.wait(), 0) << rerun.err();
        const bool rerun_identical = outcome_of(conn()) == want.outcome && audit_digest(conn()) == want.audit;
        EXPECT_TRUE(rerun_identical) << describe(outcome_of(conn())) << "\nvs\n" << describe(want.outcome);
        if (first_day) {
            Child next(args(kDay2));
            ASSERT_EQ(next.wait(), 0) << next.err();
        }
        const Reference& final_want = day2;  // a killed first day is followed by the second
        const Outcome got = outcome_of(conn());
        const std::string audit = audit_digest(conn());
        EXPECT_EQ(got, final_want.outcome) << describe(got) << "\nvs\n" << describe(final_want.outcome);
        EXPECT_EQ(audit, final_want.audit);
        EXPECT_EQ(running_runs(), "0") << "a killed run's record must be marked failed by the next run";
        if (rerun_identical && got == final_want.outcome && audit == final_want.audit) ++identical;
        const auto label = last_line.substr(std::min<std::size_t>(24, last_line.size()), 60);
        std::printf(
            "kill point %s line %d/%d (after: %s): %s\n", day, line, want.lines,
            label.substr(0, label.find('\n')).c_str(),
            rerun_identical && got == final_want.outcome && audit == final_want.audit ? "identical" : "DIFFERENT");
    }
    std::printf("kill-and-compare: %d of %d identical\n", identical, wanted);
    EXPECT_EQ(identical, wanted);
}

}  // namespace
}  // namespace supervision::test
