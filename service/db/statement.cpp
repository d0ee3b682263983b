#include "db/statement.h"

namespace supervision::db {

void prepare_file(pqxx::transaction_base& tx, const std::string& file) {
    // libpqxx keeps a registry per connection: registering the same name with the same
    // text again is a no-op, and the statement is prepared on the server at first use.
    tx.conn().prepare(file, sql_file(file));
}

void exec_script(pqxx::transaction_base& tx, const std::string& file) {
    const auto start = std::chrono::steady_clock::now();
    tx.exec(sql_file(file), file);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    spdlog::debug("sql script {}: {} ms", file, ms.count());
}

}  // namespace supervision::db
