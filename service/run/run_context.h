#pragma once
#include "config/config.h"
#include "rules/dates.h"
#include "run/mode.h"
#include "run/shard.h"

#include <nlohmann/json.hpp>

#include <string>

namespace supervision::run {

class LockWatch;

// The run's counts, recorded in supervision.run.counts and printed by a dry run.
using Counts = nlohmann::json;

// Whether a run may evaluate incrementally (run/scope.h).
struct EvaluationPolicy {
    bool full = false;        // --full: evaluate everyone whatever changed
    int full_every_days = 7;  // a full evaluation at least this often, whatever the change capture says
};

// What every stage of one run needs to know.
struct RunContext {
    long long run_id = 0;
    rules::Day as_of;
    bool dry_run = false;
    const config::Config* config = nullptr;
    std::string config_digest;        // SHA-256 of the canonical configuration
    Shard shard;                      // the evaluation stages' persons; all of them by default
    Mode mode = Mode::full();         // and of those, which; set by the scope stage (run/mode.h)
    EvaluationPolicy policy;          // what the scope stage may choose
    Counts evaluation_state;          // the scope stage's, for the run record (supervision.run.evaluation)
    int lock_timeout_s = 0;           // how long a session of the run waits for a lock (run/session_setup.h)
    LockWatch* lock_watch = nullptr;  // the run's sessions' lock waits, logged (run/lock_watch.h)
};

}  // namespace supervision::run
