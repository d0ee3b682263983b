// Fault injection: a statement of a stage fails (statement_timeout; disk full,
// simulated) → the run exits 1 with a one-line message, nothing of it is kept, its run
// record says failed and why, and the next run equals an uninterrupted one.
//
// Disk full cannot be produced here without a small file system of its own; PostgreSQL
// reports it as an error of the statement that needed space (SQLSTATE 53100 disk_full,
// "could not extend file …: No space left on device"), so it takes the path of every
// failed statement: the run's transaction rolls back. The test raises that very error from
// a trigger on a table the signals stage writes.
#include "e2e/faults/fault_support.h"
#include "support/outcome.h"
#include "support/registry_builder.h"
#include "support/run_helpers.h"
#include "support/test_database.h"

#include <memory>

namespace supervision::test {
namespace {

constexpr const char* kDay1 = "2025-11-03";
constexpr const char* kDay2 = "2025-11-04";
// Held by a test session: the validate stage waits for it until statement_timeout.
constexpr const char* kBlockBenefits = "LOCK TABLE registry.benefit_payment IN ACCESS EXCLUSIVE MODE";
constexpr const char* kTimeoutEnv = "PGOPTIONS='-c statement_timeout=3000'";
// What PostgreSQL raises when a table cannot grow; the DETAIL quotes a row, as a failing
// constraint's DETAIL would, to show that row values stay out of the log.
constexpr const char* kDiskFullTrigger = R"(
CREATE FUNCTION pg_temp_disk_full() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'could not extend file "base/16384/16999": No space left on device'
        USING ERRCODE = 'disk_full', DETAIL = 'Failing row contains (H-000123, 4321.00).',
              HINT = 'Check free disk space.';
END $$;
CREATE TRIGGER disk_full BEFORE INSERT ON supervision.signal FOR EACH ROW EXECUTE FUNCTION pg_temp_disk_full();
)";
constexpr const char* kDropDiskFull =
    "DROP TRIGGER IF EXISTS disk_full ON supervision.signal; DROP FUNCTION IF EXISTS pg_temp_disk_full()";

class StatementFailureTest : public DbTest {
protected:
    void SetUp() override {
        DbTest::SetUp();
        load_small_demo(conn(), kDay2);
    }
    void TearDown() override { exec(conn(), kDropDiskFull); }
    std::string args(const char* day) { return run_args(TestDatabase::instance().conninfo(), day); }
    int run(const char* day) {
        Child c(args(day));
        const int code = c.wait();
        EXPECT_EQ(code, 0) << c.err();
        return code;
    }
    std::string last_error() {
        return scalar("SELECT status || ': ' || coalesce(error, '') FROM supervision.run ORDER BY run_id DESC LIMIT 1");
    }
    void expect_one_clean_line(const std::string& err) {
        const std::string last = err.substr(err.rfind('\n', err.size() - 2) + 1);
        EXPECT_EQ(std::count(last.begin(), last.end(), '\n'), 1) << err;
        EXPECT_NE(last.find(" error "), std::string::npos) << err;
        EXPECT_NE(last.find("was kept"), std::string::npos) << err;
    }
};

TEST_F(StatementFailureTest, StatementTimeoutInAStageFailsCleanlyAndTheRerunEqualsAnUninterruptedRun) {
    run(kDay1);
    run(kDay2);
    const Outcome want = outcome_of(conn());
    reset_outputs(conn());
    run(kDay1);
    const Outcome before = outcome_of(conn());

    auto blocker_conn = TestDatabase::instance().connect();
    auto blocker = std::make_unique<pqxx::work>(*blocker_conn);
    blocker->exec0(kBlockBenefits);
    Child timed_out(args(kDay2), kTimeoutEnv);
    const int code = timed_out.wait();
    blocker.reset();  // rolls back, releasing the table

    EXPECT_EQ(code, 1) << timed_out.err();
    expect_one_clean_line(timed_out.err());
    EXPECT_NE(timed_out.err().find("canceling statement due to statement timeout"), std::string::npos)
        << timed_out.err();
    EXPECT_NE(timed_out.err().find("stage=registers"), std::string::npos) << "it failed inside a stage";
    EXPECT_EQ(outcome_of(conn()), before) << "nothing of the failed run may be kept";
    EXPECT_EQ(last_error(), "failed: ERROR:  canceling statement due to statement timeout\n");

    run(kDay2);
    EXPECT_EQ(outcome_of(conn()), want);
}

TEST_F(StatementFailureTest, StatementTimeoutInAWorkerFailsTheWholeRunCleanly) {
    run(kDay1);
    const Outcome before = outcome_of(conn());

    // Only the workers read the Incomes Register: they time out, the run's own session not.
    auto blocker_conn = TestDatabase::instance().connect();
    auto blocker = std::make_unique<pqxx::work>(*blocker_conn);
    blocker->exec0("LOCK TABLE registry.income_record IN ACCESS EXCLUSIVE MODE");
    Child timed_out(run_args(TestDatabase::instance().conninfo(), kDay2, "--workers 2"), kTimeoutEnv);
    const int code = timed_out.wait();
    blocker.reset();

    EXPECT_EQ(code, 1) << timed_out.err();
    expect_one_clean_line(timed_out.err());
    EXPECT_NE(timed_out.err().find("workers=2"), std::string::npos) << timed_out.err();
    EXPECT_EQ(outcome_of(conn()), before) << "nothing of the failed run may be kept";
    EXPECT_EQ(last_error(), "failed: ERROR:  canceling statement due to statement timeout\n");

    Child rerun(run_args(TestDatabase::instance().conninfo(), kDay2, "--workers 2"));
    EXPECT_EQ(rerun.wait(), 0) << rerun.err();
    const Outcome workers = outcome_of(conn());
    reset_outputs(conn());
    run(kDay1);
    run(kDay2);
    EXPECT_EQ(outcome_of(conn()), workers);
}

// While the workers evaluate, the run's own session is idle in its transaction, and each
// worker is while the others' findings are copied: a server's idle timeout must not end them.
TEST_F(StatementFailureTest, AnIdleInTransactionTimeoutDoesNotEndARunWithWorkers) {
    Child c(run_args(TestDatabase::instance().conninfo(), kDay1, "--workers 3"),
            "PGOPTIONS='-c idle_in_transaction_session_timeout=20'");
    EXPECT_EQ(c.wait(), 0) << c.err();
    EXPECT_GT(count("SELECT count(*) FROM supervision.supervised_permit"), 0);
}

TEST_F(StatementFailureTest, DiskFullInAStageFailsCleanlyWithoutRowValuesInTheLog) {
    run(kDay1);
    const Outcome want = outcome_of(conn());
    ASSERT_NE(want.signals.rfind("0:", 0), 0u);
    reset_outputs(conn());

    exec(conn(), kDiskFullTrigger);
    Child full(args(kDay1));
    const int code = full.wait();
    exec(conn(), kDropDiskFull);

    EXPECT_EQ(code, 1) << full.err();
    expect_one_clean_line(full.err());
    EXPECT_NE(full.err().find("No space left on device"), std::string::npos) << full.err();
    EXPECT_NE(full.err().find("53100"), std::string::npos) << full.err();
    EXPECT_EQ(full.err().find("H-000123"), std::string::npos) << "a row's values must not reach the log";
    EXPECT_EQ(full.err().find("4321"), std::string::npos) << "a row's values must not reach the log";
    const Outcome empty{"0:", "0:", "0:", "0:", "0:"};
    EXPECT_EQ(outcome_of(conn()), empty) << describe(outcome_of(conn()));
    EXPECT_NE(last_error().find("failed: ERROR:  could not extend file"), std::string::npos) << last_error();

    run(kDay1);
    EXPECT_EQ(outcome_of(conn()), want);
}

}  // namespace
}  // namespace supervision::test
