// The binary as the scheduler sees it: exit codes of contract.md with a one-line
// message saying what to do, reports on stdout and logs on stderr.
#include "support/registry_builder.h"
#include "support/run_helpers.h"
#include "support/test_database.h"

#include <nlohmann/json.hpp>

#include <sys/stat.h>
#include <unistd.h>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <utility>
#include <vector>

namespace supervision::test {
namespace {

class CliTest : public DbTest {
protected:
    std::string db() { return "--db 'dbname=" + TestDatabase::instance().conninfo().substr(7) + "'"; }
    std::string cfg() { return "--config " + source_path("config/supervision.yaml"); }
};

int lines(const std::string& s) {
    return static_cast<int>(std::count(s.begin(), s.end(), '\n'));
}

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

// A temporary folder of configuration files, removed with the test.
class ConfigFiles {
public:
    ConfigFiles() {
        char name[] = "/tmp/supervision_cli_config_XXXXXX";
        if (::mkdtemp(name) == nullptr) throw std::runtime_error("mkdtemp failed");
        dir_ = name;
        std::ifstream in(source_path("config/supervision.yaml"));
        std::stringstream s;
        s << in.rdbuf();
        default_ = s.str();
    }
    ~ConfigFiles() { std::system(("rm -rf '" + dir_ + "'").c_str()); }
    const std::string& dir() const { return dir_; }

    // The default configuration with the unique `snippet` replaced, as a file.
    std::string edited(const std::string& name, const std::string& snippet, const std::string& replacement) const {
        std::string text = default_;
        const auto at = text.find(snippet);
        if (at == std::string::npos || text.find(snippet, at + 1) != std::string::npos) {
            throw std::logic_error("snippet must occur exactly once: " + snippet);
        }
        text.replace(at, snippet.size(), replacement);
        return write(name, text);
    }
    std::string write(const std::string& name, const std::string& text) const {
        const std::string path = dir_ + "/" + name;
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }

private:
    std::string dir_;
    std::string default_;
};

// The message of a one-line log, without its time and level.
std::string message_of(const std::string& err) {
    const auto at = err.find(" error ");
    return at == std::string::npos ? err : err.substr(at + 7);
}

// `config check` and `run` share the loader: every refusal is exit 3 with the same
// message from both, and the run refuses before it connects (its database here does not
// exist, which would be exit 4).
TEST_F(CliTest, ConfigCheckAndRunRefuseTheSameConfigurationsWithTheSameMessage) {
    const ConfigFiles files;
    const std::string fifo = files.dir() + "/fifo.yaml";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    const std::vector<std::pair<std::string, std::string>> cases{
        {files.edited("misspelt.yaml", "  max_staleness_days:\n",
                      "  cooldown_dayz:\n    - {from: 2000-01-01, value: 30}\n  max_staleness_days:\n"),
         "parameters.cooldown_dayz: unknown parameter"},
        {files.edited("twice.yaml", "config_version: \"2026.1\"\n", "config_version: \"2026.1\"\nconfig_version: x\n"),
         ": config_version: key given twice (first on line "},
        {files.edited("capacity.yaml", "    bases: [student]\n    daily_capacity: [{from: 2000-01-01, value: 50}]",
                      "    bases: [student]\n    daily_capacity: [{from: 2000-01-01, value: 2.7}]"),
         "queues.study.daily_capacity[0].value: '2.7' is not a whole number from 0 to 100000"},
        {files.edited("threshold.yaml", "  review_threshold:\n    - {from: 2000-01-01, value: 1.0}",
                      "  review_threshold:\n    - {from: 2000-01-01, value: -5}"),
         "parameters.review_threshold[0].value: '-5' is not a finite number ≥ 0"},
        {files.edited("weight.yaml", "    weight: [{from: 2000-01-01, value: 0.5}]\n  emigrated:",
                      "    weight: [{from: 2000-01-01, value: .nan}]\n  emigrated:"),
         "signals.employment_ended.weight[0].value: '.nan' is not a finite number"},
        {files.edited("sla.yaml", "    sla_days: [{from: 2000-01-01, value: 30}]\n  work:",
                      "    sla_days: [{from: 2000-01-01, value: 1e12}]\n  work:"),
         "queues.study.sla_days[0].value: '1e12' is not a whole number of days from 0 to 3650"},
        {files.dir(), files.dir() + ": is a directory, not a regular file; pass the YAML configuration file"},
        {"/dev/zero", "/dev/zero: is a character device, not a regular file"},
        {fifo, fifo + ": is a FIFO (named pipe), not a regular file"},
        {files.write("large.yaml", std::string((1 << 20) + 1, '#')), ": is 1048577 bytes, more than the 1 MiB"},
    };
    const std::string no_db = "--db 'host=127.0.0.1 port=1 connect_timeout=1' --connect-attempts 1";
    for (const auto& [path, expected] : cases) {
        const auto check = run_binary("config check --config " + path);
        const auto run = run_binary("run --as-of 2024-06-17 " + no_db + " --config " + path);
        EXPECT_EQ(check.exit_code, 3) << path << ": " << check.err;
        EXPECT_EQ(run.exit_code, 3) << path << ": " << run.err;
        EXPECT_EQ(lines(check.err), 1) << check.err;
        EXPECT_EQ(lines(run.err), 1) << run.err;
        EXPECT_EQ(message_of(check.err).rfind(path, 0), 0u) << check.err;
        EXPECT_NE(message_of(check.err).find(expected), std::string::npos) << path << ": " << check.err;
        EXPECT_EQ(message_of(run.err), message_of(check.err)) << path;
        EXPECT_TRUE(check.out.empty()) << check.out;
        EXPECT_TRUE(run.out.empty()) << run.out;
    }
}

TEST_F(CliTest, ConfigCheckAndRunAcceptTheEdgeValues) {
    const ConfigFiles files;
    const std::string path =
        files.edited("edges.yaml",
                     "    bases: [student]\n    daily_capacity: [{from: 2000-01-01, value: 50}]\n"
                     "    sla_days: [{from: 2000-01-01, value: 30}]",
                     "    bases: [student]\n    daily_capacity: [{from: 2000-01-01, value: 100000}]\n"
                     "    sla_days: [{from: 2000-01-01, value: 3650.0}]");
    const auto check = run_binary("config check --config " + path);
    ASSERT_EQ(check.exit_code, 0) << check.err;
    const auto study = nlohmann::json::parse(check.out)["queues"]["study"];
    EXPECT_EQ(study["daily_capacity"][0]["value"], 100000.0);
    EXPECT_EQ(study["sla_days"][0]["value"], 3650.0);
    insert(conn(), PermitRow{});
    const auto run = run_binary("run --as-of 2024-06-17 " + db() + " --config " + path);
    EXPECT_EQ(run.exit_code, 0) << run.err;
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
