#pragma once
// Opening connections: one place for the application name, the session settings and
// the checks that the server is one we can work with.
#include <pqxx/pqxx>

#include <memory>
#include <string>

namespace supervision::db {

// How often connect() tries before giving up, for the whole process: set once from the
// command line (--connect-attempts, --connect-wait-ms) before the first connection.
struct RetryPolicy {
    int attempts = 3;         // transient failures at start are retried with doubling waits
    int first_wait_ms = 500;  // wait before the second attempt
};
void set_retry_policy(const RetryPolicy& policy);
const RetryPolicy& retry_policy();

struct ConnectOptions {
    std::string conninfo;     // libpq string or URI; empty: the libpq environment (PGHOST, …)
    std::string step = "main";  // shown as application_name supervision.<step> in pg_stat_activity
    int attempts = retry_policy().attempts;            // 1: no retry
    int first_wait_ms = retry_policy().first_wait_ms;  // wait before the second attempt
};

// Throws DatabaseError (exit 4) when the server cannot be reached after all attempts,
// with a message that never contains the password.
std::unique_ptr<pqxx::connection> connect(const ConnectOptions& options);

// Adds fallback_application_name to a key=value string or a URI.
std::string with_application_name(const std::string& conninfo, const std::string& name);

}  // namespace supervision::db
