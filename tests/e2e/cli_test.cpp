// The binary as the scheduler sees it: exit codes of contract.md with a one-line
// message saying what to do, reports on stdout and logs on stderr.
#include "support/registry_builder.h"
#include "support/run_helpers.h"
#include "support/test_database.h"

#include <fstream>

namespace supervision::test {
namespace {

class CliTest : public DbTest {
protected:
    std::string db() { return "--db 'dbname=" + TestDatabase::instance().conninfo().substr(7) + "'"; }
    std::string cfg() { return "--config " + source_path("config/supervision.yaml"); }
};

int lines(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

TEST_F(CliTest, RunSucceedsAndPrintsItsCountsOnStdout) {
    insert(conn(), PermitRow{});
    const auto p = run_binary("run --as-of 2024-06-17 " + db() + " " + cfg());
    EXPECT_EQ(p.exit_code, 0) << p.err;
    const auto out = nlohmann::json::parse(p.out);
    EXPECT_EQ(out["counts"]["enrolled"].get<int>(), 1);
    EXPECT_NE(p.err.find("stage=enrol"), std::string::npos);
}

TEST_F(CliTest, RunWithWorkersEvaluatesInShardsAndCountsTheSame) {
    insert(conn(), PermitRow{});
    PermitRow other;
    other.permit_id = "P-2";
    other.person_id = "H-2";
    insert(conn(), other);
    const auto p = run_binary("run --workers 3 --dry-run --as-of 2024-06-17 " + db() + " " + cfg());
    EXPECT_EQ(p.exit_code, 0) << p.err;
    EXPECT_EQ(nlohmann::json::parse(p.out)["counts"]["enrolled"].get<int>(), 2);
    EXPECT_NE(p.err.find("stage=prepare shard=2/3"), std::string::npos) << p.err;
    EXPECT_NE(p.err.find("stage=transfer"), std::string::npos) << p.err;
}

TEST_F(CliTest, WorkersBelowOneExitTwo) {
    const auto p = run_binary("run --workers 0 --as-of 2024-06-17 " + db() + " " + cfg());
    EXPECT_EQ(p.exit_code, 2) << p.err;
    EXPECT_NE(p.err.find("--workers"), std::string::npos) << p.err;
}

TEST_F(CliTest, OptionsMayStandBeforeTheSubcommand) {
    const auto p = run_binary(db() + " " + cfg() + " run --as-of 2024-06-17 --dry-run");
    EXPECT_EQ(p.exit_code, 0) << p.err;
    EXPECT_EQ(nlohmann::json::parse(p.out)["dry_run"], true);
}

TEST_F(CliTest, BadConfigurationExitsThreeNamingFileLineAndKey) {
    const std::string path = "/tmp/supervision_bad_" + std::to_string(getpid()) + ".yaml";
    {
        std::ofstream out(path);
        out << "config_version: x\ncoverage_lines:\n  - id: a\n    effective_from: 2024-02-30\n";
    }
    const auto p = run_binary("run --as-of 2024-06-17 " + db() + " --config " + path);
    std::remove(path.c_str());
    EXPECT_EQ(p.exit_code, 3);
    EXPECT_NE(p.err.find(path + ":4:21: coverage_lines[0].effective_from"), std::string::npos) << p.err;
    EXPECT_EQ(lines(p.err), 1) << p.err;
    EXPECT_TRUE(p.out.empty());
}

TEST_F(CliTest, SecondRunWhileOneHoldsTheLockExitsFive) {
    auto other = TestDatabase::instance().connect();
    pqxx::nontransaction holder(*other);
    holder.exec("SELECT pg_advisory_lock(hashtext('supervision.run'))");
    const auto p = run_binary("run --as-of 2024-06-17 " + db() + " " + cfg());
    EXPECT_EQ(p.exit_code, 5);
    EXPECT_NE(p.err.find("another supervision run holds the run lock"), std::string::npos) << p.err;
    EXPECT_EQ(lines(p.err), 1) << p.err;
}

TEST_F(CliTest, EarlierAsOfExitsSix) {
    ASSERT_EQ(run_binary("run --as-of 2024-06-17 " + db() + " " + cfg()).exit_code, 0);
    const auto p = run_binary("run --as-of 2024-06-16 " + db() + " " + cfg());
    EXPECT_EQ(p.exit_code, 6);
    EXPECT_NE(p.err.find("run with --as-of 2024-06-17 or later"), std::string::npos) << p.err;
    EXPECT_EQ(lines(p.err), 1) << p.err;
}

// One run for a future day would refuse every real night until that day.
TEST_F(CliTest, FutureAsOfExitsSixAndLeavesTodaysRunPossible) {
    const std::string tomorrow = rules::to_iso(rules::today_in_helsinki() + date::days(1));
    for (const std::string day : {tomorrow, std::string("9999-12-31")}) {
        const auto p = run_binary("run --as-of " + day + " " + db() + " " + cfg());
        EXPECT_EQ(p.exit_code, 6) << p.err;
        EXPECT_NE(p.err.find("as_of " + day + " is after today"), std::string::npos) << p.err;
        EXPECT_EQ(lines(p.err), 1) << p.err;
        EXPECT_EQ(run_binary("run --dry-run --as-of " + day + " " + db() + " " + cfg()).exit_code, 0);
    }
    EXPECT_EQ(count("SELECT count(*) FROM supervision.run"), 0);
    EXPECT_EQ(run_binary("run " + db() + " " + cfg()).exit_code, 0);
}

TEST_F(CliTest, UnreachableDatabaseExitsFour) {
    const auto p = run_binary("migrate --db 'host=127.0.0.1 port=1 connect_timeout=1 password=s3cret'");
    EXPECT_EQ(p.exit_code, 4);
    EXPECT_NE(p.err.find("cannot connect to PostgreSQL"), std::string::npos) << p.err;
    EXPECT_EQ(p.err.find("s3cret"), std::string::npos) << "the password must never be printed";
}

TEST_F(CliTest, UnmigratedDatabaseExitsFour) {
    const std::string name = "supervision_empty_" + std::to_string(getpid());
    {
        pqxx::connection admin("dbname=postgres");
        pqxx::nontransaction tx(admin);
        tx.exec0("CREATE DATABASE " + tx.quote_name(name));
    }
    const auto p = run_binary("run --as-of 2024-06-17 --db 'dbname=" + name + "' " + cfg());
    pqxx::connection admin("dbname=postgres");
    pqxx::nontransaction tx(admin);
    tx.exec0("DROP DATABASE " + tx.quote_name(name));
    EXPECT_EQ(p.exit_code, 4);
    EXPECT_NE(p.err.find("run `supervision migrate` first"), std::string::npos) << p.err;
}

TEST_F(CliTest, BadCommandLineExitsTwo) {
    EXPECT_EQ(run_binary("run --as-of 2024-13-01 " + db() + " " + cfg()).exit_code, 2);
    EXPECT_EQ(run_binary("run --no-such-flag").exit_code, 2);
    EXPECT_EQ(run_binary("").exit_code, 2);
    EXPECT_EQ(run_binary("--help").exit_code, 0);
}

TEST_F(CliTest, MigrateIsSafeToRepeat) {
    EXPECT_EQ(run_binary("migrate " + db()).exit_code, 0);
    EXPECT_EQ(run_binary("migrate " + db()).exit_code, 0);
}

}  // namespace
}  // namespace supervision::test
