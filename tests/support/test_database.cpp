#include "support/test_database.h"

#include "db/connection.h"
#include "db/migrations.h"

#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <cstdlib>

namespace supervision::test {

namespace {
TestDatabase* g_instance = nullptr;

std::string admin_conninfo() {
    // Any existing database will do to issue CREATE DATABASE; 'postgres' always exists.
    return "dbname=postgres";
}

// Creates and migrates a database of that name; returns its connection string.
std::string create_migrated(const std::string& name) {
    {
        pqxx::connection admin(admin_conninfo());
        pqxx::nontransaction tx(admin);
        tx.exec0("CREATE DATABASE " + tx.quote_name(name) + " ENCODING 'UTF8' TEMPLATE template0");
    }
    const std::string conninfo = "dbname=" + name;
    auto c = db::connect(db::ConnectOptions{conninfo, "test", 1, 0});
    db::migrate(*c);
    return conninfo;
}
}  // namespace

TestDatabase& TestDatabase::instance() {
    return *g_instance;
}

void TestDatabase::SetUp() {
    g_instance = this;
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count() % 1000000;
    name_ = "supervision_test_" + std::to_string(getpid()) + "_" + std::to_string(stamp);
    conninfo_ = create_migrated(name_);
}

std::string TestDatabase::sibling(const std::string& suffix) {
    const std::string name = name_ + "_" + suffix;
    if (std::find(siblings_.begin(), siblings_.end(), name) == siblings_.end()) {
        siblings_.push_back(name);
        return create_migrated(name);
    }
    return "dbname=" + name;
}

void TestDatabase::TearDown() {
    if (std::getenv("SUPERVISION_KEEP_TEST_DB") != nullptr) {
        std::fprintf(stderr, "kept test database %s\n", name_.c_str());
        return;
    }
    pqxx::connection admin(admin_conninfo());
    pqxx::nontransaction tx(admin);
    tx.exec0("DROP DATABASE IF EXISTS " + tx.quote_name(name_) + " WITH (FORCE)");
    for (const auto& name : siblings_) tx.exec0("DROP DATABASE IF EXISTS " + tx.quote_name(name) + " WITH (FORCE)");
}

std::unique_ptr<pqxx::connection> TestDatabase::connect() const {
    return db::connect(db::ConnectOptions{conninfo_, "test", 1, 0});
}

void TestDatabase::truncate_all() {
    truncate_tables(*connect());
}

void truncate_tables(pqxx::connection& c) {
    pqxx::work tx(c);
    // Every table of the three schemas but the migration ledger and the signal types (the
    // service's vocabulary, which `migrate` writes).
    const auto tables = tx.exec(
        "SELECT format('%I.%I', schemaname, tablename) FROM pg_tables "
        "WHERE schemaname IN ('registry', 'supervision', 'stats') AND tablename NOT IN ('schema_version', "
        "'signal_type')");
    std::string list;
    for (const auto& t : tables) list += (list.empty() ? "" : ", ") + t[0].as<std::string>();
    if (!list.empty()) tx.exec0("TRUNCATE " + list);
    tx.commit();
}

void DbTest::SetUp() {
    TestDatabase::instance().truncate_all();
    conn_ = TestDatabase::instance().connect();
}

std::string DbTest::scalar(const std::string& sql) {
    pqxx::read_transaction tx(*conn_);
    const auto r = tx.exec1(sql);
    return r[0].is_null() ? "NULL" : r[0].as<std::string>();
}

long long DbTest::count(const std::string& sql) {
    return std::stoll(scalar(sql));
}

}  // namespace supervision::test
