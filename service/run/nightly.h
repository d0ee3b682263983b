#pragma once
// The nightly run (rules.md §7): lock, ledger, one transaction for all the work.
#include "config/config.h"
#include "db/connection.h"
#include "rules/dates.h"
#include "run/run_context.h"

#include <optional>
#include <pqxx/pqxx>

namespace supervision::run {

struct RunOptions {
    std::optional<rules::Day> as_of;  // default: today in Europe/Helsinki
    std::optional<rules::Day> today;  // the calendar's today; default: today in Europe/Helsinki (tests set it)
    bool dry_run = false;             // compute everything, write nothing, print the counts
    int workers = 1;                  // evaluation sessions at once (run/shards.h); 1: in the run's own
    EvaluationPolicy evaluation;      // full or incremental (run/mode.h)
    db::ConnectOptions connect;       // how the workers' and the lock watch's sessions connect
    int lock_timeout_s = 1800;        // a session waits this long for a lock, then the run stops (exit 4)
};

struct RunResult {
    long long run_id = 0;
    rules::Day as_of;
    Counts counts;
};

// Throws LockHeldError (5), AsOfTooEarlyError or AsOfInFutureError (6), DatabaseError (4) or ConfigError (3).
// The connection must be used by nothing else while the run lasts.
RunResult run_nightly(pqxx::connection& conn, const config::Config& config, const RunOptions& options);

}  // namespace supervision::run
