#pragma once
// A throwaway PostgreSQL database per test binary (created from the libpq environment,
// migrated, dropped at the end unless SUPERVISION_KEEP_TEST_DB is set), and a fixture
// that truncates every table before each test.
#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include <memory>
#include <string>
#include <vector>

namespace supervision::test {

class TestDatabase : public ::testing::Environment {
public:
    void SetUp() override;
    void TearDown() override;

    static TestDatabase& instance();
    // The connection string of the throwaway database (for the binary under test).
    const std::string& conninfo() const { return conninfo_; }
    std::unique_ptr<pqxx::connection> connect() const;
    void truncate_all();
    // A second throwaway database beside this one, migrated, empty, dropped with it: for
    // comparing two histories of the same registers. Returns its connection string.
    std::string sibling(const std::string& suffix);

private:
    std::string name_;
    std::string conninfo_;
    std::vector<std::string> siblings_;
};

// Empties every table of the three schemas but the migration ledger.
void truncate_tables(pqxx::connection& c);

// Base fixture for database tests: a clean database and an open connection.
class DbTest : public ::testing::Test {
protected:
    void SetUp() override;
    pqxx::connection& conn() { return *conn_; }
    // One value from a query (for assertions).
    std::string scalar(const std::string& sql);
    long long count(const std::string& sql);

private:
    std::unique_ptr<pqxx::connection> conn_;
};

}  // namespace supervision::test
