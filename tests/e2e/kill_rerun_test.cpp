// rules.md §7: a run killed (SIGKILL) at any point leaves nothing but its run record; the
// next run produces exactly what an uninterrupted run would have. The binary is killed
// right after each stage line it prints, i.e. inside the following stage.
#include "e2e/faults/fault_support.h"
#include "support/outcome.h"
#include "support/run_helpers.h"
#include "support/test_database.h"

#include <csignal>

namespace supervision::test {
namespace {

constexpr const char* kDay1 = "2025-11-03";
constexpr const char* kDay2 = "2025-11-04";

class KillRerunTest : public DbTest {
protected:
    void SetUp() override {
        DbTest::SetUp();
        load_small_demo(conn(), kDay2);
    }
    std::string args(const char* day) { return run_args(TestDatabase::instance().conninfo(), day); }
    // Starts the binary and SIGKILLs it as soon as a stderr line contains `marker`.
    // Returns false if the run ended before printing it.
    static bool kill_after(const std::string& cmd_args, const std::string& marker) {
        Child child(cmd_args);
        const bool seen =
            child.read_until([&](const std::string& line, int) { return line.find(marker) != std::string::npos; });
        if (seen) child.signal(SIGKILL);
        child.wait();
        return seen;
    }
};

TEST_F(KillRerunTest, KilledAtEveryStageTheRerunEqualsAnUninterruptedRun) {
    ASSERT_EQ(run_binary(args(kDay1)).exit_code, 0);
    ASSERT_EQ(run_binary(args(kDay2)).exit_code, 0);
    const Outcome reference = outcome_of(conn());
    ASSERT_NE(reference.signals.rfind("0:", 0), 0u) << "the demo data should raise signals";

    const char* const markers[] = {"as_of=" /* run started */,
                                   "stage=registers",
                                   "stage=validate",
                                   "stage=end",
                                   "stage=enrol",
                                   "stage=prepare",
                                   "stage=signals"};
    for (const char* marker : markers) {
        SCOPED_TRACE(marker);
        reset_outputs(conn());
        ASSERT_EQ(run_binary(args(kDay1)).exit_code, 0);
        const Outcome after_day1 = outcome_of(conn());
        ASSERT_TRUE(kill_after(args(kDay2), marker)) << "the run finished before printing " << marker;
        ASSERT_TRUE(wait_for_run_lock_free(conn(), 10))
            << "the killed run's backend still holds the run lock after 10 s";
        EXPECT_EQ(outcome_of(conn()), after_day1) << "the killed run left a trace";
        EXPECT_EQ(count("SELECT count(*) FROM supervision.run WHERE status = 'running'"), 1);
        const auto rerun = run_binary(args(kDay2));
        ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
        EXPECT_EQ(outcome_of(conn()), reference) << describe(outcome_of(conn())) << "\nvs\n" << describe(reference);
        EXPECT_EQ(count("SELECT count(*) FROM supervision.run WHERE status = 'failed'"), 1);
    }
}

}  // namespace
}  // namespace supervision::test

namespace supervision::test {
namespace {

// Issue acceptance: on the demo data, a second run with the same as_of changes nothing.
TEST_F(KillRerunTest, SecondRunOnTheSameDayChangesNothing) {
    ASSERT_EQ(run_binary(args(kDay2)).exit_code, 0);
    const Outcome first = outcome_of(conn());
    const auto again = run_binary(args(kDay2));
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(outcome_of(conn()), first);
    const auto counts = nlohmann::json::parse(again.out)["counts"];
    for (const char* key : {"enrolled", "ended", "signals_extended", "reviews_opened", "rejected_rows_added",
                            "rejected_rows_cleared", "signals_linked_to_open_reviews"}) {
        EXPECT_EQ(counts[key].get<long long>(), 0) << key;
    }
    EXPECT_TRUE(counts["signals_raised"].empty());
    EXPECT_TRUE(counts["signals_resolved"].empty());
}

}  // namespace
}  // namespace supervision::test
