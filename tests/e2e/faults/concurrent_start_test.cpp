// Fault injection: two runs started together. Exactly one runs; the other exits
// 5 at once (it does not wait for the lock) with a one-line message, and writes nothing,
// not even a run record.
#include "e2e/faults/fault_support.h"
#include "support/outcome.h"
#include "support/run_helpers.h"
#include "support/test_database.h"

#include <chrono>
#include <csignal>
#include <memory>
#include <thread>

namespace supervision::test {
namespace {

constexpr const char* kDay = "2025-11-04";
// Held by a test session: the run reads registry.permit only after it has the run lock.
constexpr const char* kBlockPermits = "LOCK TABLE registry.permit IN ACCESS EXCLUSIVE MODE";

class ConcurrentStartTest : public DbTest {
protected:
    void SetUp() override {
        DbTest::SetUp();
        load_small_demo(conn(), kDay);
    }
    std::string args(const std::string& extra = "") {
        return run_args(TestDatabase::instance().conninfo(), kDay, extra);
    }
    Outcome reference() {
        Child alone(args());
        EXPECT_EQ(alone.wait(), 0) << alone.err();
        const Outcome o = outcome_of(conn());
        reset_outputs(conn());
        return o;
    }
};

// Deterministic: the first run is paused (SIGSTOP) right after it took the lock; the second
// must come back with 5 while the first cannot move, so it did not wait for the lock.
TEST_F(ConcurrentStartTest, SecondRunExitsFiveAtOnceWhileTheFirstHoldsTheLock) {
    const Outcome want = reference();
    Child first(args("--log-level debug"));
    ASSERT_TRUE(first.read_until([](const std::string& l, int) {
        return l.find("run/ledger/try_lock.sql") != std::string::npos;
    })) << first.err();
    first.signal(SIGSTOP);
    Child second(args());
    const int second_code = second.wait();
    first.signal(SIGCONT);
    const int first_code = first.wait();

    EXPECT_EQ(second_code, 5) << second.err();
    EXPECT_EQ(second.lines(), 1) << second.err();
    EXPECT_NE(second.err().find("another supervision run holds the run lock"), std::string::npos) << second.err();
    EXPECT_EQ(first_code, 0) << first.err();
    EXPECT_EQ(count("SELECT count(*) FROM supervision.run"), 1) << "the refused run writes no run record";
    EXPECT_EQ(outcome_of(conn()), want);
}

// Both started in the same instant while a test session holds a table lock that the run
// needs after taking the run lock: whichever got the run lock waits there, so the two
// overlap for sure. The other exits 5; then the table is released and the first finishes.
TEST_F(ConcurrentStartTest, TwoRunsStartedTogetherExactlyOneRuns) {
    const Outcome want = reference();
    auto blocker_conn = TestDatabase::instance().connect();
    auto blocker = std::make_unique<pqxx::work>(*blocker_conn);
    blocker->exec0(kBlockPermits);
    Child a(args());
    Child b(args());
    bool one_ended = false;
    for (int i = 0; i < 300 && !one_ended; ++i) {
        one_ended = a.ended() || b.ended();
        if (!one_ended) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    blocker->commit();
    blocker.reset();
    const int code_a = a.wait();
    const int code_b = b.wait();
    ASSERT_TRUE(one_ended) << "neither run ended within 30 s while the other waited";
    EXPECT_TRUE((code_a == 0 && code_b == 5) || (code_a == 5 && code_b == 0))
        << "exit codes " << code_a << " and " << code_b << "\n"
        << a.err() << b.err();
    const Child& refused = code_a == 5 ? a : b;
    EXPECT_NE(refused.err().find("another supervision run holds the run lock"), std::string::npos) << refused.err();
    EXPECT_EQ(count("SELECT count(*) FROM supervision.run"), 1) << "the refused run writes no run record";
    EXPECT_EQ(count("SELECT count(*) FROM supervision.run WHERE status = 'succeeded'"), 1);
    EXPECT_EQ(outcome_of(conn()), want);
}

// A dry run takes the lock like any run (rules.md §7).
TEST_F(ConcurrentStartTest, DryRunWhileARunHoldsTheLockExitsFive) {
    Child first(args("--log-level debug"));
    ASSERT_TRUE(first.read_until(
        [](const std::string& l, int) { return l.find("run/ledger/try_lock.sql") != std::string::npos; }));
    first.signal(SIGSTOP);
    Child dry(args("--dry-run"));
    const int dry_code = dry.wait();
    first.signal(SIGCONT);
    EXPECT_EQ(dry_code, 5) << dry.err();
    EXPECT_EQ(first.wait(), 0) << first.err();
}

}  // namespace
}  // namespace supervision::test
