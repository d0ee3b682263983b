#pragma once
#include "config/config.h"

#include <pqxx/pqxx>

namespace supervision::run {

// Creates the run's temporary tables in `tx` and fills them from the configuration.
void load_session(pqxx::transaction_base& tx, const config::Config& config);

// Drops the run's temporary tables from the session of `conn` (after its transactions).
void discard_session(pqxx::connection& conn);

// For the whole session of `conn`: a statement waits at most `seconds` for a lock, then
// fails with SQLSTATE 55P03, which ends the run with exit 4 (run/nightly.cpp).
void set_lock_timeout(pqxx::connection& conn, int seconds);

}  // namespace supervision::run
