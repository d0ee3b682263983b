#include "db/connection.h"

#include "errors.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <thread>

namespace supervision::db {

std::string with_application_name(const std::string& conninfo, const std::string& name) {
    const bool uri = conninfo.rfind("postgresql://", 0) == 0 || conninfo.rfind("postgres://", 0) == 0;
    if (uri) {
        return conninfo + (conninfo.find('?') == std::string::npos ? "?" : "&") + "fallback_application_name=" + name;
    }
    return conninfo + (conninfo.empty() ? "" : " ") + "fallback_application_name=" + name;
}

namespace {

// libpq's messages span lines ("…failed: …\n\tIs the server running…"): one line for the log.
std::string one_line(const std::string& message) {
    std::string out;
    for (const char ch : message) {
        if (ch == '\n' || ch == '\t') {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += ch;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

void set_up_session(pqxx::connection& c) {
    const int server = c.server_version();
    if (server < 140000) {
        throw DatabaseError("PostgreSQL " + std::to_string(server / 10000) +
                            " is too old; use PostgreSQL 14 or newer (15 is tested)");
    }
    pqxx::nontransaction tx(c);
    const auto enc = tx.exec1("SHOW server_encoding")[0].as<std::string>();
    if (enc != "UTF8") throw DatabaseError("database encoding is " + enc + "; create it with ENCODING 'UTF8'");
    // Calendar dates are Helsinki dates (rules.md §1); timestamps print in that zone.
    tx.exec0("SET TIME ZONE 'Europe/Helsinki'");
    tx.exec0("SET client_encoding = 'UTF8'");
    // A client killed mid-statement must not leave its backend running (and holding the
    // run lock) until the statement ends: the server checks the socket every second.
    tx.exec0("SET client_connection_check_interval = '1s'");
    // The run's statements are many and each runs once: JIT compilation costs more than it
    // saves (measured: about a second per large statement at the demo size).
    tx.exec0("SET jit = off");
}

}  // namespace

// The doubling stops here: a server down for longer is retried every half minute.
constexpr int kMaxWaitMs = 30000;

std::unique_ptr<pqxx::connection> connect(const ConnectOptions& options) {
    const std::string info = with_application_name(options.conninfo, "supervision." + options.step);
    int wait_ms = options.first_wait_ms;
    for (int attempt = 1;; ++attempt) {
        try {
            auto c = std::make_unique<pqxx::connection>(info);
            set_up_session(*c);
            spdlog::debug("connected: step={} database={} host={}", options.step, c->dbname(),
                          c->hostname() ? c->hostname() : "(socket)");
            return c;
        } catch (const pqxx::broken_connection& e) {
            if (attempt >= options.attempts) {
                // libpq's message names host and port but never the password.
                throw DatabaseError("cannot connect to PostgreSQL after " + std::to_string(attempt) +
                                    " attempts: " + one_line(e.what()) +
                                    "; check --db or PGHOST/PGPORT/PGDATABASE and that the server runs");
            }
            spdlog::warn("connection attempt {} of {} failed ({}); retrying in {} ms", attempt, options.attempts,
                         one_line(e.what()), wait_ms);
            std::this_thread::sleep_for(std::chrono::milliseconds(wait_ms));
            wait_ms = std::min(wait_ms * 2, kMaxWaitMs);
        }
    }
}

}  // namespace supervision::db
