// rules.md §7: the run record, the lock, the as_of guard, idempotence, dry runs,
// failures and abandoned runs.
#include "errors.h"
#include "support/registry_builder.h"
#include "support/run_helpers.h"
#include "support/test_database.h"

namespace supervision::test {
namespace {

class RunLedgerTest : public DbTest {
protected:
    void SetUp() override {
        DbTest::SetUp();
        for (int i = 1; i <= 3; ++i) {
            PermitRow p;
            p.permit_id = "P-" + std::to_string(i);
            p.person_id = "H-" + std::to_string(i);
            insert(conn(), p);
        }
        PermitRow bad;
        bad.permit_id = "P-bad";
        bad.basis = "tourist";
        insert(conn(), bad);
    }
    // Everything the run writes, but the run ledger itself.
    std::string outcome() {
        return scalar(
            "SELECT md5(coalesce((SELECT string_agg(format('%s|%s|%s|%s|%s', permit_id, line_id, enrolled_on, "
            "ended_on, "
            "end_reason), ',' ORDER BY permit_id) FROM supervision.supervised_permit), '') || "
            "coalesce((SELECT string_agg(format('%s|%s|%s', source, source_key, reason), ',' ORDER BY 1) "
            "FROM supervision.rejected_row), ''))");
    }
};

TEST_F(RunLedgerTest, RecordsStatusCountsDigestAndVersion) {
    const auto r = run_on(conn(), "2024-06-17");
    EXPECT_EQ(scalar("SELECT format('%s|%s|%s|%s', as_of, mode, status, finished_at IS NOT NULL) FROM supervision.run"),
              "2024-06-17|manual|succeeded|t");
    EXPECT_EQ(count("SELECT count(*) FROM supervision.run WHERE config_digest ~ '^[0-9a-f]{64}$' "
                    "AND service_version <> ''"),
              1);
    EXPECT_EQ(count("SELECT (counts->>'enrolled')::int FROM supervision.run"), 3);
    EXPECT_EQ(count("SELECT (counts->>'rejected_rows')::int FROM supervision.run"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM supervision.config_snapshot s JOIN supervision.run r USING (config_digest)"),
              1);
    EXPECT_EQ(r.counts["enrolled_by_line"]["specialist-extended"].get<long long>(), 3);
}

TEST_F(RunLedgerTest, SameAsOfTwiceChangesNothing) {
    run_on(conn(), "2024-06-17");
    const auto before = outcome();
    const auto again = run_on(conn(), "2024-06-17");
    EXPECT_EQ(outcome(), before);
    EXPECT_EQ(again.counts["enrolled"].get<long long>(), 0);
    EXPECT_EQ(again.counts["ended"].get<long long>(), 0);
    EXPECT_EQ(again.counts["rejected_rows_added"].get<long long>(), 0);
    EXPECT_EQ(again.counts["rejected_rows_cleared"].get<long long>(), 0);
}

TEST_F(RunLedgerTest, EarlierAsOfIsRefusedButNotForADryRun) {
    run_on(conn(), "2024-06-17");
    EXPECT_THROW(run_on(conn(), "2024-06-16"), AsOfTooEarlyError);
    EXPECT_NO_THROW(run_on(conn(), "2024-06-16", true));
    EXPECT_NO_THROW(run_on(conn(), "2024-06-17"));
    EXPECT_EQ(count("SELECT count(*) FROM supervision.run"), 2);
}

TEST_F(RunLedgerTest, AsOfAfterTodayIsRefusedButNotForADryRun) {
    run::RunOptions o;
    o.as_of = rules::parse_iso_date("2024-06-18");
    o.today = rules::parse_iso_date("2024-06-17");
    EXPECT_THROW(run::run_nightly(conn(), default_config(), o), AsOfInFutureError);
    EXPECT_EQ(count("SELECT count(*) FROM supervision.run"), 0);
    o.dry_run = true;
    EXPECT_EQ(run::run_nightly(conn(), default_config(), o).counts["enrolled"].get<long long>(), 3);
    o.dry_run = false;
    o.as_of = o.today;  // today itself is a real night
    EXPECT_NO_THROW(run::run_nightly(conn(), default_config(), o));
}

TEST_F(RunLedgerTest, DryRunWritesNothingAndReportsItsCounts) {
    const auto r = run_on(conn(), "2024-06-17", true);
    EXPECT_EQ(r.counts["enrolled"].get<long long>(), 3);
    EXPECT_EQ(count("SELECT count(*) FROM supervision.run"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM supervision.supervised_permit"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM supervision.rejected_row"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM supervision.config_snapshot"), 0);
}

TEST_F(RunLedgerTest, SecondConcurrentRunIsRefusedAtOnce) {
    auto other = TestDatabase::instance().connect();
    pqxx::nontransaction holder(*other);
    holder.exec("SELECT pg_advisory_lock(hashtext('supervision.run'))");
    EXPECT_THROW(run_on(conn(), "2024-06-17"), LockHeldError);
    EXPECT_THROW(run_on(conn(), "2024-06-17", true), LockHeldError);
    holder.exec("SELECT pg_advisory_unlock(hashtext('supervision.run'))");
    EXPECT_NO_THROW(run_on(conn(), "2024-06-17"));
}

TEST_F(RunLedgerTest, FailedRunLeavesOnlyItsFailedRecord) {
    exec(conn(), "ALTER TABLE registry.study_record RENAME TO study_record_away");
    EXPECT_ANY_THROW(run_on(conn(), "2024-06-17"));
    EXPECT_EQ(scalar("SELECT status || ' ' || (error IS NOT NULL) FROM supervision.run"), "failed true");
    EXPECT_EQ(count("SELECT count(*) FROM supervision.supervised_permit"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM supervision.rejected_row"), 0);
    exec(conn(), "ALTER TABLE registry.study_record_away RENAME TO study_record");
    // A failed run does not count as completed: the same as_of may run again.
    run_on(conn(), "2024-06-17");
    EXPECT_EQ(count("SELECT count(*) FROM supervision.supervised_permit"), 3);
}

TEST_F(RunLedgerTest, RunLeftRunningByADeadProcessIsMarkedFailed) {
    exec(conn(),
         "INSERT INTO supervision.run (run_id, as_of, mode, status, config_digest, service_version) "
         "VALUES (1, '2024-06-17', 'scheduled', 'running', 'x', 'x')");
    const auto r = run_on(conn(), "2024-06-17");
    EXPECT_EQ(r.run_id, 2);
    EXPECT_EQ(scalar("SELECT status FROM supervision.run WHERE run_id = 1"), "failed");
    EXPECT_EQ(scalar("SELECT error FROM supervision.run WHERE run_id = 1"),
              "abandoned: the process ended without finishing; found by run 2");
}

TEST_F(RunLedgerTest, StaleRegistersAreReported) {
    set_all_sources(conn(), "2024-06-15");
    set_source(conn(), "incomes", "2024-05-31", std::string("2024-06-13 23:00:00+03"));
    const auto r = run_on(conn(), "2024-06-17");
    EXPECT_EQ(r.counts["stale_registers"], nlohmann::json::array({"incomes"}));
    EXPECT_EQ(r.counts["registers"]["incomes"]["complete_through"], "2024-05-31");
}

}  // namespace
}  // namespace supervision::test
