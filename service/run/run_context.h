#pragma once
#include "config/config.h"
#include "rules/dates.h"

#include <nlohmann/json.hpp>

#include <string>

namespace supervision::run {

// The part of the persons a session evaluates: those with
// supervision.shard_of(person_id, count) = index (run --workers, run/shards.h).
struct Shard {
    int count = 1;
    int index = 0;
};

// What every stage of one run needs to know.
struct RunContext {
    long long run_id = 0;
    rules::Day as_of;
    bool dry_run = false;
    const config::Config* config = nullptr;
    std::string config_digest;  // SHA-256 of the canonical configuration
    Shard shard;                // the evaluation stages' persons; all of them by default
};

// The run's counts, recorded in supervision.run.counts and printed by a dry run.
using Counts = nlohmann::json;

}  // namespace supervision::run
