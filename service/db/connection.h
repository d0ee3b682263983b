#pragma once
// Opening connections: one place for the application name, the session settings and
// the checks that the server is one we can work with.
#include <pqxx/pqxx>

#include <memory>
#include <string>

namespace supervision::db {

struct ConnectOptions {
    std::string conninfo;       // libpq string or URI; empty: the libpq environment (PGHOST, …)
    std::string step = "main";  // shown as application_name supervision.<step> in pg_stat_activity
    int attempts = 3;           // transient failures at start are retried with doubling waits; 1: no retry
    int first_wait_ms = 500;    // wait before the second attempt (--connect-wait-ms)
};

// Throws DatabaseError (exit 4) when the server cannot be reached after all attempts,
// with a message that never contains the password.
std::unique_ptr<pqxx::connection> connect(const ConnectOptions& options);

// Adds fallback_application_name to a key=value string or a URI.
std::string with_application_name(const std::string& conninfo, const std::string& name);

}  // namespace supervision::db
