#pragma once
#include "config/config.h"
#include "rules/dates.h"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>

namespace supervision::run {

class LockWatch;

// The part of the persons a session evaluates: those with
// supervision.shard_of(person_id, count) = index (run --workers, run/shards.h).
struct Shard {
    int count = 1;
    int index = 0;
};

// The persons an incremental run evaluates (run/scope.h, docs/incremental.md): their ids as
// one PostgreSQL array value, bound to the evaluation's statements (supervision.in_scope);
// none for a full run, which evaluates everyone.
struct Scope {
    std::optional<std::string> persons;
    std::map<std::string, std::string> changed;  // register → its persons whose rows of it changed
    bool completeness_moved = false;             // a register's complete_through differs from the last run's
    bool incremental() const { return persons.has_value(); }
    // The persons whose rows of a person register the run validates: those whose rows of it
    // changed; none (everyone) for a full run.
    std::optional<std::string> validated_in(const std::string& source) const {
        if (!incremental()) return std::nullopt;
        const auto it = changed.find(source);
        return it == changed.end() ? std::string("{}") : it->second;
    }
};

// What every stage of one run needs to know.
struct RunContext {
    long long run_id = 0;
    rules::Day as_of;
    bool dry_run = false;
    const config::Config* config = nullptr;
    std::string config_digest;  // SHA-256 of the canonical configuration
    Shard shard;                // the evaluation stages' persons; all of them by default
    Scope scope;                // and of those, an incremental run's only
    int lock_timeout_s = 0;     // how long a session of the run waits for a lock (run/session_setup.h)
    LockWatch* lock_watch = nullptr;  // the run's sessions' lock waits, logged (run/lock_watch.h)
};

// The run's counts, recorded in supervision.run.counts and printed by a dry run.
using Counts = nlohmann::json;

}  // namespace supervision::run
