#include "db/migrations.h"

#include "config/config.h"
#include "db/pg_array.h"
#include "db/statement.h"
#include "errors.h"

#include <spdlog/spdlog.h>

#include <cctype>
#include <set>

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
    // The catalog is a sorted map and names are zero-padded, so versions ascend. A number
    // may be missing: work done side by side reserves its numbers, and each migration is
    // applied when it is not yet recorded, whatever came before it.
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (out[i].version < 1 || (i > 0 && out[i].version <= out[i - 1].version)) {
            throw std::logic_error("migration versions must ascend from 1, each given once");
        }
    }
    return out;
}

int latest_version() {
    const auto known = known_migrations();
    return known.empty() ? 0 : known.back().version;
}

int database_version(pqxx::transaction_base& tx) {
    if (!exec_file(tx, "migrate/schema_present.sql")[0][0].as<bool>()) return 0;
    return exec_file(tx, "migrate/current_version.sql")[0][0].as<int>();
}

namespace {

std::set<int> applied_versions(pqxx::transaction_base& tx) {
    std::set<int> out;
    if (!exec_file(tx, "migrate/schema_present.sql")[0][0].as<bool>()) return out;
    for (const auto& row : exec_file(tx, "migrate/applied_versions.sql")) out.insert(row[0].as<int>());
    return out;
}

// A recorded migration this binary does not know: a newer release (or another line of
// work) migrated the database; this binary must not run on it.
void refuse_unknown(const std::set<int>& applied, const std::vector<Migration>& known) {
    std::set<int> versions;
    for (const auto& m : known) versions.insert(m.version);
    const int latest = known.empty() ? 0 : known.back().version;
    for (const int v : applied) {
        if (v > latest) throw DatabaseError(newer_message(*applied.rbegin(), latest));
        if (versions.count(v) == 0) {
            throw DatabaseError("the database has migration " + std::to_string(v) +
                                ", which this binary does not know; run the supervision release that migrated it");
        }
    }
}

}  // namespace

int migrate(pqxx::connection& conn) {
    pqxx::work tx(conn, "migrate");
    exec_file(tx, "migrate/lock.sql");
    exec_script(tx, "migrate/bootstrap.sql");
    const auto known = known_migrations();
    const auto recorded = applied_versions(tx);
    refuse_unknown(recorded, known);
    int applied = 0;
    for (const auto& m : known) {
        if (recorded.count(m.version) != 0) continue;
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
    const auto known = known_migrations();
    const auto recorded = applied_versions(tx);
    refuse_unknown(recorded, known);
    for (const auto& m : known) {
        if (recorded.count(m.version) == 0) {
            const int current = recorded.empty() ? 0 : *recorded.rbegin();
            const std::string lacking =
                m.version < current ? " without migration " + std::to_string(m.version) : std::string();
            throw DatabaseError("the database schema is at version " + std::to_string(current) + lacking +
                                ", this binary needs " + std::to_string(latest_version()) +
                                "; run `supervision migrate` first");
        }
    }
}

}  // namespace supervision::db
