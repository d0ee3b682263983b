#include "e2e/faults/fault_support.h"

#include "support/run_helpers.h"

#include <sys/wait.h>
#include <unistd.h>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

#include <chrono>
#include <thread>

namespace supervision::test {

namespace {
constexpr const char* kRunLockHolders =
    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = hashtext('supervision.run')::oid "
    "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";
constexpr const char* kOutputTables =
    "SELECT format('%I.%I', schemaname, tablename) FROM pg_tables "
    "WHERE schemaname IN ('supervision', 'stats') AND tablename NOT IN ('schema_version', 'signal_type') ORDER BY 1";
constexpr const char* kAuditPresent = "SELECT to_regclass('supervision.review_audit') IS NOT NULL";
// Like outcome_of(), without the id of the run that wrote a row (a killed run shifts them).
constexpr const char* kAuditDigest =
    "SELECT count(*) || ':' || coalesce(md5(string_agg(format('%s|%s|%s|%s|%s|%s', review_id, operation, "
    "changed_by, acting_role, old_values - 'opened_run', new_values - 'opened_run'), ',' ORDER BY audit_id)), '') "
    "FROM supervision.review_audit";

void system_or_throw(const std::string& cmd) {
    if (std::system(cmd.c_str()) != 0) throw std::runtime_error("failed: " + cmd);
}
}  // namespace

Child::Child(const std::string& args, const std::string& env) {
    int fd[2];
    if (pipe(fd) != 0) throw std::runtime_error("pipe failed");
    pid_ = fork();
    if (pid_ == 0) {
        dup2(fd[1], STDERR_FILENO);
        close(fd[0]);
        close(fd[1]);
        const std::string cmd =
            env + (env.empty() ? "" : " ") + "exec " + SUPERVISION_BINARY + " " + args + " >/dev/null";
        execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    close(fd[1]);
    err_stream_ = fdopen(fd[0], "r");
}

Child::~Child() {
    if (!waited_ && pid_ > 0) {
        kill(pid_, SIGKILL);
        wait();
    }
}

bool Child::next_line(std::string& line) {
    line.clear();
    char buf[4096];
    while (err_stream_ != nullptr && fgets(buf, sizeof buf, err_stream_) != nullptr) {
        line += buf;
        if (!line.empty() && line.back() == '\n') break;
    }
    if (line.empty()) return false;
    err_ += line;
    ++lines_;
    return true;
}

bool Child::read_until(const std::function<bool(const std::string&, int)>& stop) {
    std::string line;
    while (next_line(line)) {
        if (stop(line, lines_)) return true;
    }
    return false;
}

void Child::signal(int sig) {
    kill(pid_, sig);
}

bool Child::ended() {
    if (waited_) return true;
    if (waitpid(pid_, &status_, WNOHANG) != pid_) return false;
    reaped_ = true;
    return true;
}

int Child::wait() {
    if (!waited_) {
        std::string line;
        while (next_line(line)) {
        }
        if (err_stream_ != nullptr) fclose(err_stream_);
        err_stream_ = nullptr;
        if (!reaped_) waitpid(pid_, &status_, 0);
        waited_ = true;
    }
    if (WIFEXITED(status_)) return WEXITSTATUS(status_);
    if (WIFSIGNALED(status_)) return -WTERMSIG(status_);
    return -1000;
}

std::string run_args(const std::string& conninfo, const std::string& as_of, const std::string& extra) {
    return "run --as-of " + as_of + " --db '" + conninfo + "' --config " + source_path("config/supervision.yaml") +
           (extra.empty() ? "" : " " + extra);
}

bool wait_for_run_lock_free(pqxx::connection& c, int seconds) {
    for (int i = 0; i < seconds * 10; ++i) {
        {
            pqxx::nontransaction tx(c);
            if (tx.exec1(kRunLockHolders)[0].as<long long>() == 0) return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
}

void reset_outputs(pqxx::connection& c) {
    pqxx::work tx(c);
    std::string list;
    for (const auto& t : tx.exec(kOutputTables)) list += (list.empty() ? "" : ", ") + t[0].as<std::string>();
    if (!list.empty()) tx.exec0("TRUNCATE " + list);
    tx.commit();
}

std::string audit_digest(pqxx::connection& c) {
    pqxx::read_transaction tx(c);
    if (!tx.exec1(kAuditPresent)[0].as<bool>()) return "";
    return tx.exec1(kAuditDigest)[0].as<std::string>();
}

PrivateCluster::PrivateCluster(bool start_now) {
    char tmpl[] = "/tmp/supervision-faults.XXXXXX";
    if (mkdtemp(tmpl) == nullptr) throw std::runtime_error("mkdtemp failed");
    dir_ = tmpl;
    system_or_throw(source_path("tests/e2e/faults/private-pg.sh") + " init " + dir_);
    if (start_now) start();
}

void PrivateCluster::start_tls(int port) {
    system_or_throw(source_path("tests/e2e/faults/private-pg.sh") + " start-tls " + dir_ + " " + std::to_string(port));
}

PrivateCluster::~PrivateCluster() {
    std::system((source_path("tests/e2e/faults/private-pg.sh") + " destroy " + dir_).c_str());
}

void PrivateCluster::start() {
    system_or_throw(source_path("tests/e2e/faults/private-pg.sh") + " start " + dir_);
}

void PrivateCluster::stop(const std::string& mode) {
    system_or_throw(source_path("tests/e2e/faults/private-pg.sh") + " stop " + dir_ + " " + mode);
}

std::string PrivateCluster::conninfo(const std::string& dbname) const {
    return "host=" + dir_ + " port=5432 user=postgres dbname=" + dbname;
}

}  // namespace supervision::test
