// rules.md §6 under load: officials keep deciding reviews (pgbench with
// bench/supervisor.pgbench, four sessions logged in as the supervisor role) while nightly
// runs follow one another (full and incremental, one and two workers, the binary logged in
// as the batch role), and the registers bring new signals for permits under review before
// each night. Afterwards: every run succeeded; no official's update failed; no signal is
// linked to a review whose closing committed before the run that linked it (commit
// timestamps, track_commit_timestamp); the audit trail replays to every review as it is.
#include "support/registry_builder.h"
#include "support/run_helpers.h"
#include "support/test_database.h"

#include <fcntl.h>
#include <glob.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

extern char** environ;

namespace supervision::test {
namespace {

std::string user(const char* role) {
    return "s" + std::to_string(getpid()) + "_" + role;
}

// pgbench in the background; wait() returns its exit status and output.
class Pgbench {
public:
    Pgbench(const std::vector<std::string>& args, const std::string& output) : output_(output) {
        std::vector<char*> argv;
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 1, output.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        posix_spawn_file_actions_adddup2(&actions, 1, 2);
        if (posix_spawnp(&pid_, argv[0], &actions, nullptr, argv.data(), environ) != 0) pid_ = -1;
        posix_spawn_file_actions_destroy(&actions);
    }
    int wait() {
        if (pid_ <= 0) return -1;
        int status = 0;
        waitpid(pid_, &status, 0);
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    ~Pgbench() { wait(); }
    std::string output() const {
        std::ifstream in(output_);
        std::stringstream s;
        s << in.rdbuf();
        return s.str();
    }

private:
    std::string output_;
    pid_t pid_ = -1;
};

class SupervisorLoadTest : public DbTest {
protected:
    static void SetUpTestSuite() {
        auto c = TestDatabase::instance().connect();
        pqxx::nontransaction tx(*c);
        for (const char* role : {"batch", "supervisor"}) {
            tx.exec0("CREATE ROLE " + tx.quote_name(user(role)) + " LOGIN IN ROLE " +
                     tx.quote_name(std::string("supervision_") + role));
        }
    }
    static void TearDownTestSuite() {
        auto c = TestDatabase::instance().connect();
        pqxx::nontransaction tx(*c);
        for (const char* role : {"batch", "supervisor"}) tx.exec0("DROP ROLE IF EXISTS " + tx.quote_name(user(role)));
    }
    std::string as(const char* role) { return TestDatabase::instance().conninfo() + " user=" + user(role); }
    // New signals for permits under review, dated the night: an employer's notice for the
    // work-based ones, an emigration for the others.
    void new_signals_for_reviewed_permits(const std::string& day) {
        exec(conn(),
             "INSERT INTO registry.employment_notice (notice_id, person_id, employer_id, employment_ended_on, "
             "received_at) SELECT 'LOAD-N-' || r.permit_id || '-" +
                 day + "', p.person_id, 'E-load', '" + day +
                 "', now() FROM supervision.revocation_review r JOIN registry.permit p USING (permit_id) "
                 "WHERE r.status IN ('open', 'hearing') AND p.basis IN ('specialist', 'eu_blue_card', "
                 "'employed', 'other_work') ORDER BY md5(r.permit_id || '" +
                 day + "') LIMIT 12");
        exec(conn(),
             "INSERT INTO registry.population_event (event_id, person_id, event_type, event_date, received_at) "
             "SELECT 'LOAD-E-' || r.permit_id || '-" +
                 day + "', p.person_id, 'emigrated', '" + day +
                 "', now() FROM supervision.revocation_review r JOIN registry.permit p USING (permit_id) "
                 "WHERE r.status IN ('open', 'hearing') AND p.basis NOT IN ('specialist', 'eu_blue_card', "
                 "'employed', 'other_work') ORDER BY md5(r.permit_id || '" +
                 day + "') LIMIT 6");
    }
};

// The transactions of a pgbench log (-l) whose time overlaps a run's: each line is
// "client transaction latency_us script epoch_s epoch_us [schedule_lag_us]", the epoch
// being its end.
long long transactions_during_runs(const std::string& log, const std::vector<std::pair<double, double>>& runs) {
    std::ifstream in(log);
    std::string line;
    long long during = 0;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        long long client = 0, n = 0, latency = 0, script = 0, epoch = 0, micros = 0;
        if (!(fields >> client >> n >> latency >> script >> epoch >> micros)) continue;
        const double end = static_cast<double>(epoch) + static_cast<double>(micros) / 1e6;
        const double start = end - static_cast<double>(latency) / 1e6;
        for (const auto& [from, to] : runs) {
            if (start < to && end > from) {
                ++during;
                break;
            }
        }
    }
    return during;
}

TEST_F(SupervisorLoadTest, OfficialsDecideWhileNightsRunBackToBackAndNothingIsLost) {
    ASSERT_EQ(scalar("SHOW track_commit_timestamp"), "on")
        << "the commit order check needs it (scripts/with-temp-pg.sh)";
    load_small_demo(conn(), "2025-11-10");
    const std::string cfg = " --config " + source_path("config/supervision.yaml");
    const std::string batch = " --db '" + as("batch") + "'";
    ASSERT_EQ(run_binary("run --as-of 2025-11-03" + batch + cfg).exit_code, 0);
    ASSERT_GT(count("SELECT count(*) FROM supervision.work_queue"), 20);

    const std::string prefix = "/tmp/supervision_load_" + std::to_string(getpid());
    // Four officials deciding about ten reviews a second between them: the queue is never
    // emptied, so the nights link new signals to reviews the officials are deciding.
    Pgbench officials({"pgbench", "-n", "-c", "4", "-j", "2", "-T", "25", "-R", "10", "-f",
                       source_path("bench/supervisor.pgbench"), "-l", "--log-prefix=" + prefix, as("supervisor")},
                      prefix + ".out");
    const std::vector<std::pair<std::string, std::string>> nights = {
        {"2025-11-04", "--full"}, {"2025-11-05", "--workers 2"}, {"2025-11-06", "--workers 2 --full"},
        {"2025-11-07", ""},       {"2025-11-08", "--workers 2"}, {"2025-11-09", "--full"}};
    for (const auto& [day, options] : nights) {
        new_signals_for_reviewed_permits(day);
        const auto p = run_binary("run --as-of " + day + " " + options + batch + cfg);
        EXPECT_EQ(p.exit_code, 0) << day << ": " << p.err;
    }
    const int pgbench_exit = officials.wait();
    const std::string report = officials.output();
    EXPECT_EQ(pgbench_exit, 0) << report;
    EXPECT_NE(report.find("number of failed transactions: 0 "), std::string::npos) << report;

    // Every run succeeded, and officials worked while runs wrote.
    EXPECT_EQ(count("SELECT count(*) FROM supervision.run WHERE status <> 'succeeded'"), 0);
    std::vector<std::pair<double, double>> windows;
    pqxx::read_transaction tx(conn());
    for (const auto& r :
         tx.exec("SELECT extract(epoch FROM started_at)::float8, extract(epoch FROM finished_at)::float8 "
                 "FROM supervision.run WHERE run_id > 1")) {
        windows.emplace_back(r[0].as<double>(), r[1].as<double>());
    }
    long long during = 0;
    glob_t logs;
    ASSERT_EQ(glob((prefix + ".[0-9]*").c_str(), 0, nullptr, &logs), 0) << "pgbench wrote no log";
    for (std::size_t i = 0; i < logs.gl_pathc; ++i) {
        during += transactions_during_runs(logs.gl_pathv[i], windows);
        std::remove(logs.gl_pathv[i]);
    }
    globfree(&logs);
    std::remove((prefix + ".out").c_str());
    EXPECT_GT(during, 0) << "no official's update overlapped a run";
    std::cout << "officials' transactions during runs: " << during << "\n";
    EXPECT_GT(tx.exec1("SELECT count(*) FROM supervision.review_audit WHERE operation = 'UPDATE' AND "
                       "new_values->>'status' = 'closed'")[0]
                  .as<long long>(),
              0);
    EXPECT_GT(
        tx.exec1("SELECT count(*) FROM supervision.signal WHERE linked_run > 1 AND linked_run <> "
                 "(SELECT opened_run FROM supervision.revocation_review r WHERE r.review_id = signal.review_id)")[0]
            .as<long long>(),
        0)
        << "no new signal was linked to an existing review: the race was never tried";

    // No signal linked to a review whose closing committed before the run that linked it.
    EXPECT_EQ(tx.exec1("SELECT count(*) FROM supervision.signal s "
                       "JOIN supervision.run r ON r.run_id = s.linked_run "
                       "JOIN supervision.review_audit a ON a.review_id = s.review_id AND a.operation = 'UPDATE' "
                       "AND a.new_values->>'status' = 'closed' "
                       "WHERE pg_xact_commit_timestamp(xid(a.transaction_id)) < "
                       "pg_xact_commit_timestamp(xid(r.transaction_id))")[0]
                  .as<long long>(),
              0);

    // The audit trail replays, insert then each change, to every review as it is.
    std::map<long long, nlohmann::json> replayed;
    for (const auto& a : tx.exec("SELECT review_id, operation, new_values::text FROM supervision.review_audit "
                                 "ORDER BY audit_id")) {
        auto& row = replayed[a[0].as<long long>()];
        if (a[1].as<std::string>() == "INSERT") EXPECT_TRUE(row.is_null()) << "inserted twice: " << a[0].c_str();
        const auto change = nlohmann::json::parse(a[2].as<std::string>());
        for (const auto& [key, value] : change.items()) row[key] = value;
    }
    long long reviews = 0;
    for (const auto& r : tx.exec("SELECT review_id, to_jsonb(r)::text FROM supervision.revocation_review r")) {
        ++reviews;
        EXPECT_EQ(replayed[r[0].as<long long>()], nlohmann::json::parse(r[1].as<std::string>())) << r[0].c_str();
    }
    EXPECT_EQ(static_cast<long long>(replayed.size()), reviews);
}

}  // namespace
}  // namespace supervision::test
