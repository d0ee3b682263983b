#pragma once
// The transaction a report reads in: one repeatable-read snapshot (so every figure of a
// report comes from the same state), holding the configuration's temporary tables of the
// run (pg_temp.coverage_line, …) that the report queries join. Always rolled back: a
// report writes nothing.
#include "config/config.h"
#include "rules/dates.h"

#include <pqxx/pqxx>

#include <memory>
#include <optional>

namespace supervision::reports {

struct LastRun {
    long long run_id = 0;
    rules::Day as_of;
};

class ReportSession {
public:
    ReportSession(pqxx::connection& conn, const config::Config& config);
    ~ReportSession();
    ReportSession(const ReportSession&) = delete;
    ReportSession& operator=(const ReportSession&) = delete;

    pqxx::transaction_base& tx() { return *tx_; }
    const config::Config& config() const { return config_; }
    // The last completed run; nullopt before the first.
    const std::optional<LastRun>& last_run() const { return last_run_; }

private:
    std::unique_ptr<pqxx::transaction_base> tx_;
    const config::Config& config_;
    std::optional<LastRun> last_run_;
};

}  // namespace supervision::reports
