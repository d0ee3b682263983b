#include "run/ledger.h"

#include "config/canonical.h"
#include "db/statement.h"
#include "errors.h"
#include "version.h"

#include <unistd.h>

namespace supervision::run {

RunLock::RunLock(pqxx::connection& conn) : conn_(conn) {
    pqxx::nontransaction tx(conn_);
    if (!db::exec_file(tx, "run/ledger/try_lock.sql")[0][0].as<bool>()) {
        throw LockHeldError(
            "another supervision run holds the run lock on this database; wait for it to finish "
            "(see supervision.run where status = 'running') and do not start a second one");
    }
}

RunLock::~RunLock() {
    try {
        pqxx::nontransaction tx(conn_);
        db::exec_file(tx, "run/ledger/unlock.sql");
    } catch (const std::exception&) {
        // A lost connection released the lock already.
    }
}

ConfigIdentity identify_config(pqxx::connection& conn, const config::Config& config) {
    ConfigIdentity id;
    id.canonical_json = config::to_json(config).dump();
    pqxx::nontransaction tx(conn);
    id.digest = db::exec_file(tx, "run/ledger/digest.sql", id.canonical_json)[0][0].as<std::string>();
    return id;
}

int mark_abandoned_runs(pqxx::connection& conn, long long found_by) {
    pqxx::work tx(conn, "mark_abandoned");
    const auto rows = db::exec_file(tx, "run/ledger/mark_abandoned.sql", found_by);
    tx.commit();
    for (const auto& r : rows)
        spdlog::warn("run {} had been left running by a process that ended; marked failed", r[0].c_str());
    return static_cast<int>(rows.size());
}

std::optional<rules::Day> last_completed_as_of(pqxx::connection& conn) {
    pqxx::read_transaction tx(conn, "last_completed");
    const auto row = db::exec_file(tx, "run/ledger/last_completed.sql")[0];
    if (row[0].is_null()) return std::nullopt;
    return rules::parse_iso_date(row[0].as<std::string>());
}

long long next_run_id(pqxx::connection& conn) {
    pqxx::read_transaction tx(conn, "next_run_id");
    return db::exec_file(tx, "run/ledger/next_run_id.sql")[0][0].as<long long>();
}

void record_start(pqxx::connection& conn, long long run_id, rules::Day as_of, const std::string& mode,
                  const ConfigIdentity& config, const std::string& config_version) {
    char host[256] = {0};
    gethostname(host, sizeof host - 1);
    pqxx::work tx(conn, "record_start");
    db::exec_file(tx, "run/ledger/start.sql", run_id, rules::to_iso(as_of), mode, config.digest,
                  std::string(kServiceVersion), std::string(host));
    db::exec_file(tx, "run/ledger/save_config.sql", config.digest, config_version, config.canonical_json, run_id);
    tx.commit();
}

void record_success(pqxx::transaction_base& tx, long long run_id, const Counts& counts, const Counts& evaluation) {
    db::exec_file(tx, "run/ledger/succeed.sql", run_id, counts.dump(), evaluation.dump());
}

void record_failure(pqxx::connection& conn, long long run_id, const std::string& error) {
    try {
        pqxx::work tx(conn, "record_failure");
        db::exec_file(tx, "run/ledger/fail.sql", run_id, error);
        tx.commit();
    } catch (const std::exception& e) {
        // The next run marks it failed (mark_abandoned_runs); nothing is lost.
        spdlog::error("could not record the failure of run {}: {}", run_id, e.what());
    }
}

}  // namespace supervision::run
