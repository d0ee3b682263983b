// A lock held elsewhere (an ETL load that holds a register's table, a forgotten
// transaction): the run says in the log, after a few seconds, what it waits for and who
// holds it; past --lock-timeout it ends with exit 4, a message that names the table and
// what to do, a failed run record and nothing else kept; once the lock is gone, the next
// run succeeds.
#include "e2e/faults/fault_support.h"
#include "support/run_helpers.h"
#include "support/test_database.h"

#include <chrono>
#include <memory>
#include <thread>

namespace supervision::test {
namespace {

constexpr const char* kDay = "2025-11-03";

class LockWaitTest : public DbTest {
protected:
    void SetUp() override {
        DbTest::SetUp();
        load_small_demo(conn(), kDay);
        loader_ =
            std::make_unique<pqxx::connection>(TestDatabase::instance().conninfo() + " application_name=etl-load");
    }
    void hold_incomes() {
        hold_ = std::make_unique<pqxx::work>(*loader_);
        hold_->exec0("LOCK TABLE registry.income_record IN ACCESS EXCLUSIVE MODE");
    }
    void release() { hold_.reset(); }
    std::string args(const std::string& extra) { return run_args(TestDatabase::instance().conninfo(), kDay, extra); }

    std::unique_ptr<pqxx::connection> loader_;
    std::unique_ptr<pqxx::work> hold_;
};

TEST_F(LockWaitTest, ALockHeldPastTheTimeoutEndsTheRunWithExitFourNamingTheTable) {
    hold_incomes();
    Child run(args("--lock-timeout 8"));
    const int code = run.wait();
    release();
    EXPECT_EQ(code, 4) << run.err();
    // Logged while it waited, with the table and the holder.
    EXPECT_NE(run.err().find("for a lock on registry.income_record, held by pid "), std::string::npos) << run.err();
    EXPECT_NE(run.err().find("application 'etl-load'"), std::string::npos) << run.err();
    // The last line says what happened and what to do.
    const std::string last = run.err().substr(run.err().rfind('\n', run.err().size() - 2) + 1);
    EXPECT_NE(last.find("waited longer than --lock-timeout (8 s) for a lock on registry.income_record"),
              std::string::npos)
        << last;
    EXPECT_NE(last.find("then run again"), std::string::npos) << last;
    EXPECT_EQ(scalar("SELECT status FROM supervision.run"), "failed");
    EXPECT_NE(scalar("SELECT error FROM supervision.run").find("registry.income_record"), std::string::npos);
    EXPECT_EQ(count("SELECT count(*) FROM supervision.supervised_permit"), 0);

    Child again(args(""));
    EXPECT_EQ(again.wait(), 0) << again.err();
    EXPECT_GT(count("SELECT count(*) FROM supervision.supervised_permit"), 0);
}

TEST_F(LockWaitTest, AWaitShorterThanTheTimeoutIsLoggedAndTheRunGoesOn) {
    hold_incomes();
    Child run(args("--workers 2"));
    // Released once the run has said that it waits.
    EXPECT_TRUE(run.read_until([](const std::string& line, int) {
        return line.find("for a lock on registry.income_record") != std::string::npos;
    })) << run.err();
    release();
    EXPECT_EQ(run.wait(), 0) << run.err();
    EXPECT_NE(run.err().find("the run has waited "), std::string::npos) << run.err();
    EXPECT_EQ(scalar("SELECT status FROM supervision.run"), "succeeded");
}

}  // namespace
}  // namespace supervision::test
