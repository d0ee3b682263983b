#pragma once
// Helpers of the fault-injection tests: the binary started as a child whose standard
// error is read line by line (to kill, stop or pause it at a chosen point), a private
// PostgreSQL cluster that a test may stop and start, and digests of the run's outcome.
#include <pqxx/pqxx>

#include <sys/types.h>

#include <functional>
#include <string>

namespace supervision::test {

// The supervision binary as a child process. `env` (e.g. "PGOPTIONS='-c x=y'") is put
// before the command; standard output is discarded, standard error is read here.
class Child {
public:
    Child(const std::string& args, const std::string& env = "");
    ~Child();
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;

    // Reads standard error up to and including the next line; false at its end.
    bool next_line(std::string& line);
    // Reads lines until `stop(line, number)` is true (then returns true) or the end.
    bool read_until(const std::function<bool(const std::string&, int)>& stop);
    void signal(int sig);
    // Reads the rest of standard error and waits: the exit code, or -signal if killed.
    int wait();
    // Whether it has ended, without blocking (then wait() returns at once).
    bool ended();
    // Everything read from standard error so far.
    const std::string& err() const { return err_; }
    int lines() const { return lines_; }

private:
    pid_t pid_ = -1;
    FILE* err_stream_ = nullptr;
    std::string err_;
    int lines_ = 0;
    int status_ = -1;
    bool waited_ = false;
    bool reaped_ = false;
};

// The command-line arguments of a run on `conninfo` with the project's configuration.
std::string run_args(const std::string& conninfo, const std::string& as_of, const std::string& extra = "");

// Waits until no session of the current database holds the run lock (a killed client's
// backend ends within about a second: client_connection_check_interval). False after
// `seconds`.
bool wait_for_run_lock_free(pqxx::connection& c, int seconds = 15);

// Empties every output table of the service (not the registry): a fresh history.
void reset_outputs(pqxx::connection& c);

// The review audit trail without its ids, times and run ids: who did what to which review,
// in order. Empty when the audit table does not exist.
std::string audit_digest(pqxx::connection& c);

// A private PostgreSQL 15 cluster (tests/e2e/faults/private-pg.sh), socket only, in a
// fresh temporary folder; removed by the destructor.
class PrivateCluster {
public:
    explicit PrivateCluster(bool start_now = true);
    ~PrivateCluster();
    PrivateCluster(const PrivateCluster&) = delete;
    PrivateCluster& operator=(const PrivateCluster&) = delete;

    void start();
    // Starts it listening on 127.0.0.1:port as well, TLS only there (a self-signed
    // certificate for localhost: root_certificate()).
    void start_tls(int port);
    void stop(const std::string& mode = "immediate");
    std::string root_certificate() const { return dir_ + "/server.crt"; }
    // libpq connection string of a database in this cluster.
    std::string conninfo(const std::string& dbname = "postgres") const;
    const std::string& dir() const { return dir_; }

private:
    std::string dir_;
};

}  // namespace supervision::test
