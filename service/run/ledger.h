#pragma once
// The run records of supervision.run and the run lock.
#include "rules/dates.h"
#include "run/run_context.h"

#include <optional>
#include <pqxx/pqxx>
#include <string>

namespace supervision::run {

// Holds the session-level run lock while alive; throws LockHeldError if another run has it.
class RunLock {
public:
    explicit RunLock(pqxx::connection& conn);
    ~RunLock();
    RunLock(const RunLock&) = delete;
    RunLock& operator=(const RunLock&) = delete;

private:
    pqxx::connection& conn_;
};

struct ConfigIdentity {
    std::string digest;
    std::string canonical_json;
};

ConfigIdentity identify_config(pqxx::connection& conn, const config::Config& config);

// Marks runs left 'running' by dead processes as failed; returns how many.
int mark_abandoned_runs(pqxx::connection& conn, long long found_by);
std::optional<rules::Day> last_completed_as_of(pqxx::connection& conn);
long long next_run_id(pqxx::connection& conn);
void record_start(pqxx::connection& conn, long long run_id, rules::Day as_of, const std::string& mode,
                  const ConfigIdentity& config, const std::string& config_version);
void record_success(pqxx::transaction_base& tx, long long run_id, const Counts& counts, const Counts& evaluation);
void record_failure(pqxx::connection& conn, long long run_id, const std::string& error);

}  // namespace supervision::run
