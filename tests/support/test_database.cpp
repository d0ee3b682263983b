#include "support/test_database.h"

#include "db/connection.h"
#include "db/migrations.h"

#include <chrono>
#include <cstdlib>
#include <unistd.h>

namespace supervision::test {

namespace {
TestDatabase* g_instance = nullptr;

std::string admin_conninfo() {
    // Any existing database will do to issue CREATE DATABASE; 'postgres' always exists.
    return "dbname=postgres";
}
}  // namespace

TestDatabase& TestDatabase::instance() { return *g_instance; }

void TestDatabase::SetUp() {
    g_instance = this;
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count() % 1000000;
    name_ = "supervision_test_" + std::to_string(getpid()) + "_" + std::to_string(stamp);
    {
        pqxx::connection admin(admin_conninfo());
        pqxx::nontransaction tx(admin);
        tx.exec0("CREATE DATABASE " + tx.quote_name(name_) + " ENCODING 'UTF8' TEMPLATE template0");
    }
    conninfo_ = "dbname=" + name_;
    auto c = connect();
    db::migrate(*c);
}

void TestDatabase::TearDown() {
    if (std::getenv("SUPERVISION_KEEP_TEST_DB") != nullptr) {
        std::fprintf(stderr, "kept test database %s\n", name_.c_str());
        return;
    }
    pqxx::connection admin(admin_conninfo());
    pqxx::nontransaction tx(admin);
    tx.exec0("DROP DATABASE IF EXISTS " + tx.quote_name(name_) + " WITH (FORCE)");
}

std::unique_ptr<pqxx::connection> TestDatabase::connect() const {
    return db::connect(db::ConnectOptions{conninfo_, "test", 1, 0});
}

void TestDatabase::truncate_all() {
    auto c = connect();
    pqxx::work tx(*c);
    // Every table of the two schemas but the migration ledger.
    const auto tables = tx.exec(
        "SELECT format('%I.%I', schemaname, tablename) FROM pg_tables "
        "WHERE schemaname IN ('registry', 'supervision', 'stats') AND tablename <> 'schema_version'");
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

long long DbTest::count(const std::string& sql) { return std::stoll(scalar(sql)); }

}  // namespace supervision::test
