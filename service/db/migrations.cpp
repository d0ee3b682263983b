#include "db/migrations.h"

#include "config/config.h"
#include "db/pg_array.h"
#include "db/statement.h"
#include "errors.h"

#include <spdlog/spdlog.h>

#include <cctype>

namespace supervision::db {

namespace {
constexpr const char* kPrefix = "migrations/";

std::string newer_message(int db, int binary) {
    return "the database schema is at version " + std::to_string(db) + ", newer than this binary's " +
           std::to_string(binary) + "; run the newer supervision release that migrated it";
}
}  // namespace

std::vector<Migration> known_migrations() {
    std::vector<Migration> out;
    for (const auto& [name, text] : sql_catalog()) {
        if (name.rfind(kPrefix, 0) != 0) continue;
        const std::string base = name.substr(std::string(kPrefix).size());
        std::size_t digits = 0;
        while (digits < base.size() && std::isdigit(static_cast<unsigned char>(base[digits]))) ++digits;
        if (digits == 0) throw std::logic_error("migration without a version number: sql/" + name);
        out.push_back({std::stoi(base.substr(0, digits)), name});
    }
    // The catalog is a sorted map and names are zero-padded, so versions ascend.
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (out[i].version != static_cast<int>(i) + 1) throw std::logic_error("migration versions must be 1, 2, 3, …");
    }
    return out;
}

int latest_version() {
    return static_cast<int>(known_migrations().size());
}

int database_version(pqxx::transaction_base& tx) {
    if (!exec_file(tx, "migrate/schema_present.sql")[0][0].as<bool>()) return 0;
    return exec_file(tx, "migrate/current_version.sql")[0][0].as<int>();
}

int migrate(pqxx::connection& conn) {
    pqxx::work tx(conn, "migrate");
    exec_file(tx, "migrate/lock.sql");
    exec_script(tx, "migrate/bootstrap.sql");
    const int current = database_version(tx);
    const int latest = latest_version();
    if (current > latest) throw DatabaseError(newer_message(current, latest));
    int applied = 0;
    for (const auto& m : known_migrations()) {
        if (m.version <= current) continue;
        spdlog::info("applying migration {} ({})", m.version, m.file);
        exec_script(tx, m.file);
        const auto checksum = exec_file(tx, "migrate/checksum.sql", sql_file(m.file))[0][0].as<std::string>();
        exec_file(tx, "migrate/record.sql", m.version, m.file, checksum);
        ++applied;
    }
    exec_script(tx, "migrate/handover.sql");
    exec_file(tx, "migrate/signal_types.sql", text_array(config::known_signal_types()));
    tx.commit();
    return applied;
}

void require_current_schema(pqxx::connection& conn) {
    pqxx::read_transaction tx(conn, "schema_check");
    const int current = database_version(tx);
    const int latest = latest_version();
    if (current > latest) throw DatabaseError(newer_message(current, latest));
    if (current < latest) {
        throw DatabaseError("the database schema is at version " + std::to_string(current) + ", this binary needs " +
                            std::to_string(latest) + "; run `supervision migrate` first");
    }
}

}  // namespace supervision::db
