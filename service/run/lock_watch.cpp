#include "run/lock_watch.h"

#include "db/pg_array.h"
#include "db/statement.h"

#include <spdlog/spdlog.h>

#include <map>

namespace supervision::run {

LockWatch::LockWatch(const db::ConnectOptions& connect) {
    db::ConnectOptions options = connect;
    options.step = connect.step + ".lock_watch";
    options.attempts = 1;
    try {
        thread_ = std::thread(&LockWatch::loop, this, db::connect(options));
    } catch (const std::exception& e) {
        spdlog::warn("lock waits are not watched this run: {}", e.what());
    }
}

LockWatch::~LockWatch() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void LockWatch::watch(int backend_pid) {
    std::lock_guard<std::mutex> lock(mutex_);
    pids_.push_back(backend_pid);
}

std::optional<std::string> LockWatch::last_wait() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return last_;
}

void LockWatch::loop(std::unique_ptr<pqxx::connection> conn) {
    // Per (pid, what): the wait's length when it was last logged.
    std::map<std::string, long long> logged;
    for (;;) {
        std::vector<long long> pids;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            if (wake_.wait_for(lock, std::chrono::seconds(1), [this] { return stop_; })) return;
            pids.assign(pids_.begin(), pids_.end());
        }
        if (pids.empty()) continue;
        try {
            pqxx::nontransaction tx(*conn);
            std::map<std::string, long long> waiting;
            for (const auto& row : db::exec_file(tx, "run/ledger/lock_waits.sql", db::int_array(pids))) {
                const std::string what = row["what"].as<std::string>();
                const std::string key = row["pid"].as<std::string>() + " " + what;
                const long long seconds = row["seconds"].as<long long>();
                const std::string wait = "a lock on " + what + ", held by " + row["holders"].as<std::string>();
                {
                    std::lock_guard<std::mutex> lock(mutex_);
                    last_ = wait;
                }
                waiting[key] = logged.count(key) ? logged[key] : -1;
                const bool first = waiting[key] < 0 && seconds >= kNoticeAfter.count();
                const bool again = waiting[key] >= 0 && seconds - waiting[key] >= kRepeatEvery.count();
                if (first || again) {
                    spdlog::warn(
                        "the run has waited {} s for {} ({} wanted); it goes on when that session ends its "
                        "transaction, and stops with exit 4 after --lock-timeout",
                        seconds, wait, row["mode"].as<std::string>());
                    waiting[key] = seconds;
                }
            }
            logged = std::move(waiting);
        } catch (const std::exception& e) {
            spdlog::warn("lock waits are no longer watched this run: {}", e.what());
            return;
        }
    }
}

}  // namespace supervision::run
