#pragma once
// Versioned migrations: sql/migrations/NNNN_name.sql, applied in order, each recorded
// in supervision.schema_version with its checksum.
#include <pqxx/pqxx>

#include <string>
#include <vector>

namespace supervision::db {

struct Migration {
    int version = 0;
    std::string file;  // path under sql/
};

// The migrations compiled into this binary, in version order.
std::vector<Migration> known_migrations();
int latest_version();

// The database's version; 0 when it was never migrated.
int database_version(pqxx::transaction_base& tx);

// Applies what is missing in one transaction; returns how many were applied. Refuses
// (DatabaseError) a database newer than this binary.
int migrate(pqxx::connection& conn);

// Throws DatabaseError (exit 4) unless the database is exactly at latest_version().
void require_current_schema(pqxx::connection& conn);

}  // namespace supervision::db
