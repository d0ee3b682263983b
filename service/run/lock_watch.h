#pragma once
// Lock waits of the run's sessions, said in the log as they happen: an ETL load that holds
// a register's table, a forgotten transaction. From its own connection, the watch looks
// every second at the sessions it is given; a wait that lasts kNoticeAfter is logged with
// the table and the session that holds it, and again every kRepeatEvery while it lasts.
// It remembers the last wait it saw, so that a lock timeout can name the table.
#include "db/connection.h"

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace supervision::run {

class LockWatch {
public:
    // A watch that cannot connect logs why and watches nothing: the run goes on without it.
    explicit LockWatch(const db::ConnectOptions& connect);
    ~LockWatch();
    LockWatch(const LockWatch&) = delete;
    LockWatch& operator=(const LockWatch&) = delete;

    // A backend (pqxx::connection::backendpid()) of the run to watch from now on.
    void watch(int backend_pid);
    // The last wait seen: "a lock on registry.income_record, held by pid 4242 (user etl,
    // application 'loader')"; none when no wait lasted a second.
    std::optional<std::string> last_wait() const;

    // Trade-off: a shorter notice logs the ordinary short waits of a busy server; a longer
    // one leaves an operator guessing why a night is slow.
    static constexpr std::chrono::seconds kNoticeAfter{5};
    static constexpr std::chrono::seconds kRepeatEvery{60};

private:
    void loop(std::unique_ptr<pqxx::connection> conn);

    mutable std::mutex mutex_;
    std::condition_variable wake_;  // the destructor's: a run ends without waiting out a look
    std::vector<int> pids_;
    std::optional<std::string> last_;
    bool stop_ = false;
    std::thread thread_;
};

}  // namespace supervision::run
