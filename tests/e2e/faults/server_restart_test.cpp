// Fault injection on a private PostgreSQL cluster (tests/e2e/faults/private-pg.sh),
// so that stopping the server disturbs no other test:
// - the server stops in the middle of a run (immediate: like a crash; fast: an operator's
//   shutdown): the run exits 4 with a message, and the next run's outcome equals an
//   uninterrupted run's;
// - the server is down when the run starts: the connection is retried with doubling
//   waits (--connect-attempts, --connect-wait-ms) and the run succeeds once it is up, or
//   exits 4 after the configured number of attempts.
#include "e2e/faults/fault_support.h"
#include "support/outcome.h"
#include "support/run_helpers.h"
#include "support/test_database.h"

#include <csignal>
#include <memory>

namespace supervision::test {
namespace {

constexpr const char* kDay1 = "2025-11-03";
constexpr const char* kDay2 = "2025-11-04";
constexpr const char* kDb = "faults";

class ServerRestartTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        cluster_ = std::make_unique<PrivateCluster>();
        {
            pqxx::connection admin(cluster_->conninfo());
            pqxx::nontransaction tx(admin);
            tx.exec0(std::string("CREATE DATABASE ") + kDb + " ENCODING 'UTF8' TEMPLATE template0");
        }
        const std::string db = " --db '" + cluster_->conninfo(kDb) + "'";
        ASSERT_EQ(run_binary("migrate" + db).exit_code, 0);
        ASSERT_EQ(run_binary("demo load --permits 3000 --seed 7 --as-of " + std::string(kDay2) + db).exit_code, 0);
    }
    static void TearDownTestSuite() { cluster_.reset(); }

    void SetUp() override {
        conn_ = std::make_unique<pqxx::connection>(cluster_->conninfo(kDb));
        reset_outputs(*conn_);
    }
    void TearDown() override { conn_.reset(); }

    std::string args(const char* day, const std::string& extra = "") {
        return run_args(cluster_->conninfo(kDb), day, extra);
    }
    int run(const char* day) {
        Child c(args(day));
        const int code = c.wait();
        EXPECT_EQ(code, 0) << c.err();
        return code;
    }
    void reconnect() { conn_ = std::make_unique<pqxx::connection>(cluster_->conninfo(kDb)); }
    long long count(const std::string& sql) {
        pqxx::read_transaction tx(*conn_);
        return tx.exec1(sql)[0].as<long long>();
    }
    Outcome reference() {
        run(kDay1);
        run(kDay2);
        const Outcome o = outcome_of(*conn_);
        reset_outputs(*conn_);
        return o;
    }

    // Starts the second day's run, pauses it right after the line containing `marker`,
    // stops the server (`mode`), lets the run go on and returns its exit code and log.
    std::pair<int, std::string> stop_server_at(const std::string& marker, const std::string& mode) {
        Child victim(args(kDay2, "--log-level debug"));
        const bool reached =
            victim.read_until([&](const std::string& l, int) { return l.find(marker) != std::string::npos; });
        EXPECT_TRUE(reached) << "the run ended before " << marker << ":\n" << victim.err();
        victim.signal(SIGSTOP);  // so that the server is down before its next statement
        conn_.reset();
        cluster_->stop(mode);
        victim.signal(SIGCONT);
        const int code = victim.wait();
        cluster_->start();
        reconnect();
        return {code, victim.err()};
    }

    static std::unique_ptr<PrivateCluster> cluster_;
    std::unique_ptr<pqxx::connection> conn_;
};

std::unique_ptr<PrivateCluster> ServerRestartTest::cluster_;

struct StopCase {
    const char* name;
    const char* marker;
    const char* mode;
};

class ServerStopsMidRunTest : public ServerRestartTest, public ::testing::WithParamInterface<StopCase> {};

TEST_P(ServerStopsMidRunTest, RunExitsFourAndTheNextRunEqualsAnUninterruptedOne) {
    const Outcome want = reference();
    run(kDay1);
    const Outcome before = outcome_of(*conn_);

    const auto [code, err] = stop_server_at(GetParam().marker, GetParam().mode);
    const std::string last = err.substr(err.rfind('\n', err.size() - 2) + 1);
    // At the last statement the client may have committed and ended before SIGSTOP
    // arrived: then it succeeded (exit 0), and its whole run must be there (below).
    const bool finished_first = code == 0 && std::string(GetParam().name) == "crash_at_commit";
    if (!finished_first) {
        EXPECT_EQ(code, 4) << err;
        EXPECT_NE(last.find(" error "), std::string::npos) << last;
        EXPECT_TRUE(last.find("run again") != std::string::npos || last.find("running again") != std::string::npos)
            << last;
    }
    // Nothing of the interrupted run is kept, unless its COMMIT reached the server before
    // the crash (stopped at the last statement, the client may have sent it already):
    // then all of it is, and the client could not know (exit 4 all the same).
    const Outcome after = outcome_of(*conn_);
    const bool committed = count("SELECT count(*) FROM supervision.run WHERE status = 'succeeded'") == 2;
    if (finished_first) EXPECT_TRUE(committed) << err;
    EXPECT_EQ(after, committed ? want : before) << (committed ? "the committed run is whole" : "nothing may be kept");
    // Its run record, if its commit got through, is left running; the next run marks it failed.
    const long long left_running = count("SELECT count(*) FROM supervision.run WHERE status = 'running'");
    EXPECT_LE(left_running, 1);

    run(kDay2);
    EXPECT_EQ(outcome_of(*conn_), want) << describe(outcome_of(*conn_)) << "\nvs\n" << describe(want);
    EXPECT_EQ(count("SELECT count(*) FROM supervision.run WHERE status = 'running'"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM supervision.run WHERE status = 'failed'"), left_running);
}

INSTANTIATE_TEST_SUITE_P(
    Points, ServerStopsMidRunTest,
    ::testing::Values(StopCase{"crash_after_run_record", "run/ledger/save_config.sql", "immediate"},
                      StopCase{"crash_in_validate", "run/10_validate/permit.sql", "immediate"},
                      StopCase{"crash_in_signals", "run/24_signal_lifecycle/raise.sql", "immediate"},
                      StopCase{"shutdown_in_prepare", "stage=enrol", "fast"},
                      StopCase{"shutdown_in_reviews", "run/25_reviews/candidates.sql", "fast"},
                      StopCase{"crash_at_commit", "stage=planner_statistics", "immediate"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST_F(ServerRestartTest, ConnectionIsRetriedUntilTheServerIsUp) {
    const Outcome want = reference();
    run(kDay1);
    conn_.reset();
    cluster_->stop();
    Child late(args(kDay2, "--connect-attempts 8 --connect-wait-ms 200"));
    // Start the server only once the run has failed to connect at least once.
    const bool failed_once = late.read_until(
        [](const std::string& l, int) { return l.find("connection attempt 1 of 8 failed") != std::string::npos; });
    cluster_->start();
    const int code = late.wait();
    EXPECT_TRUE(failed_once) << late.err();
    EXPECT_EQ(code, 0) << late.err();
    EXPECT_NE(late.err().find("retrying in 200 ms"), std::string::npos) << late.err();
    reconnect();
    EXPECT_EQ(outcome_of(*conn_), want);
}

TEST_F(ServerRestartTest, ConnectionGivesUpAfterTheConfiguredAttemptsWithExitFour) {
    conn_.reset();
    cluster_->stop();
    Child c(args(kDay1, "--connect-attempts 3 --connect-wait-ms 50"));
    const int code = c.wait();
    cluster_->start();
    reconnect();
    EXPECT_EQ(code, 4) << c.err();
    EXPECT_NE(c.err().find("attempt 1 of 3 failed"), std::string::npos) << c.err();
    EXPECT_NE(c.err().find("attempt 2 of 3 failed"), std::string::npos) << c.err();
    EXPECT_EQ(c.err().find("attempt 3 of 3 failed"), std::string::npos) << c.err();
    EXPECT_NE(c.err().find("cannot connect to PostgreSQL after 3 attempts"), std::string::npos) << c.err();
    EXPECT_EQ(c.lines(), 3) << "two retries and one message, one line each:\n" << c.err();
    EXPECT_EQ(count("SELECT count(*) FROM supervision.run"), 0);
}

}  // namespace
}  // namespace supervision::test
