// Personal data: the log at info level (and above) carries no person id, no
// permit id, no amount and never the connection string's password, on the demo data
// through a whole history: migrate, demo load, two runs, a dry run, a refused earlier
// day, a failed connection.
#include "e2e/faults/fault_support.h"
#include "support/run_helpers.h"
#include "support/test_database.h"

#include <regex>

namespace supervision::test {
namespace {

constexpr const char* kPassword = "Pw-Zq81x-never-log-me";

class PersonalDataTest : public DbTest {
protected:
    // The test database, with a password the server does not ask for (trust) but libpq sends.
    std::string db() { return "--db '" + TestDatabase::instance().conninfo() + " password=" + kPassword + "'"; }
    std::string run_log(const std::string& args, int want_code) {
        Child c(args);
        const int code = c.wait();
        EXPECT_EQ(code, want_code) << args << "\n" << c.err();
        return c.err();
    }
};

TEST_F(PersonalDataTest, TheLogAtInfoLevelCarriesNoPersonIdAmountOrPassword) {
    const std::string cfg = " --config " + source_path("config/supervision.yaml") + " --log-level info";
    std::string log;
    log += run_log("migrate " + db() + cfg, 0);
    log += run_log("demo load --permits 3000 --seed 7 --as-of 2025-11-04 --replace " + db() + cfg, 0);
    log += run_log("run --as-of 2025-11-03 " + db() + cfg, 0);
    log += run_log("run --as-of 2025-11-04 " + db() + cfg, 0);
    log += run_log("run --as-of 2025-11-04 --dry-run " + db() + cfg, 0);
    log += run_log("run --as-of 2025-11-01 " + db() + cfg, 6);
    log += run_log(
        "run --as-of 2025-11-04 --connect-attempts 2 --connect-wait-ms 10 --db 'host=/nonexistent "
        "dbname=x password=" +
            std::string(kPassword) + "'" + cfg,
        4);
    ASSERT_GT(count("SELECT count(*) FROM supervision.signal"), 0) << "the demo runs should raise signals";
    ASSERT_GT(count("SELECT count(*) FROM supervision.rejected_row"), 0) << "and reject rows";

    // Demo ids: persons H-n, permits P-n, companies C-…, payers E-…, rows R-/V-/B-/N-… .
    const std::regex person_or_row_id(R"(\b[HPCERVBN]-[0-9S])");
    const std::regex amount(R"((\d+[.,]\d{2}(\D|$))|€|EUR)");
    std::smatch m;
    EXPECT_FALSE(std::regex_search(log, m, person_or_row_id)) << "an id in the log: " << m.str() << "\n" << log;
    EXPECT_FALSE(std::regex_search(log, m, amount)) << "an amount in the log: " << m.str() << "\n" << log;
    EXPECT_EQ(log.find(kPassword), std::string::npos) << log;
    EXPECT_EQ(log.find("password"), std::string::npos) << log;
}

}  // namespace
}  // namespace supervision::test
