#pragma once
// Running the SQL files of sql/: single statements are prepared once per connection
// (named by their file) and executed with bound parameters; scripts without
// parameters (DDL, the demo generator) run as one simple query. Every execution is
// logged at debug level with elapsed time and rows.
#include "db/sql_catalog.h"

#include <spdlog/spdlog.h>
#include <pqxx/pqxx>

#include <chrono>
#include <string>
#include <utility>

namespace supervision::db {

// Registers the file as a prepared statement on the transaction's connection once.
void prepare_file(pqxx::transaction_base& tx, const std::string& file);

template <typename... Args>
pqxx::result exec_file(pqxx::transaction_base& tx, const std::string& file, Args&&... args) {
    prepare_file(tx, file);
    const auto start = std::chrono::steady_clock::now();
    pqxx::result r = tx.exec_prepared(file, std::forward<Args>(args)...);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    spdlog::debug("sql {}: {} ms, {} rows returned, {} affected", file, ms.count(), r.size(), r.affected_rows());
    return r;
}

// A multi-statement script with no parameters.
void exec_script(pqxx::transaction_base& tx, const std::string& file);

}  // namespace supervision::db
