#pragma once
#include "config/config.h"
#include "rules/dates.h"

#include <nlohmann/json.hpp>

#include <string>

namespace supervision::run {

// What every stage of one run needs to know.
struct RunContext {
    long long run_id = 0;
    rules::Day as_of;
    bool dry_run = false;
    const config::Config* config = nullptr;
    std::string config_digest;  // SHA-256 of the canonical configuration
};

// The run's counts, recorded in supervision.run.counts and printed by a dry run.
using Counts = nlohmann::json;

}  // namespace supervision::run
