// The steady state: an incremental run decides exactly what a full run decides
// (docs/incremental.md). Two databases hold the same demo registers and get the same
// changes every day (tests/db/incremental/day_changes.sql: every register, rows dated in
// the days to come, bad rows and their fixes, completeness moving); one is run as it
// decides for itself (incremental where it may, with one or two workers), the other with
// --full. After every day, every enrolment and end, signal with its evidence, review,
// backlog entry, rejected row (with the runs that saw it), cleared row, quality-control
// draw and count must be the same.
#include "db/connection.h"
#include "demo/demo_loader.h"
#include "support/outcome.h"
#include "support/run_helpers.h"
#include "support/test_database.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <vector>

namespace supervision::test {
namespace {

// A campaign that starts and ends within the days run; a work queue with a backlog.
config::Config test_config() {
    return config_with_campaign(
        "{id: t-jan, active_from: 2026-01-05, active_until: 2026-01-31, "
        "bases: [growth_entrepreneur, self_employed], decided_from: 2024-01-01}");
}

// Consecutive days, gaps of a few days, a month end and start, the year's end (new coverage
// lines), the campaign's first day and the day after its last, the day the Incomes
// Register completes a month (the 6th) and the day the study register completes a term.
constexpr const char* kDays[] = {
    "2025-12-20", "2025-12-21", "2025-12-22", "2025-12-23", "2025-12-27", "2025-12-28", "2025-12-30",
    "2025-12-31", "2026-01-01", "2026-01-02", "2026-01-03", "2026-01-05", "2026-01-06", "2026-01-07",
    "2026-01-08", "2026-01-12", "2026-01-15", "2026-01-16", "2026-01-17", "2026-01-20", "2026-01-31",
    "2026-02-01", "2026-02-02", "2026-02-03", "2026-02-04",
};

// Beyond outcome_of: when each rejected row was first and last seen, the history of cleared
// rows and the quality-control draws.
constexpr const char* kSideTables =
    "SELECT (SELECT count(*) || ':' || coalesce(md5(string_agg(format('%s|%s|%s|%s|%s|%s', source, source_key, "
    "reason, first_seen_run, last_seen_run, person_id), ',' ORDER BY source, source_key, reason)), '') "
    "FROM supervision.rejected_row) || ' ' || "
    "(SELECT count(*) || ':' || coalesce(md5(string_agg(format('%s|%s|%s|%s', source, source_key, reason, "
    "cleared_run), "
    "',' ORDER BY source, source_key, reason, cleared_run)), '') FROM supervision.rejected_row_history) || ' ' || "
    "(SELECT count(*) || ':' || coalesce(md5(string_agg(format('%s|%s|%s', as_of, permit_id, draw_rank), ',' "
    "ORDER BY as_of, draw_rank)), '') FROM supervision.qc_sample)";

std::string day_changes_sql() {
    std::ifstream in(source_path("tests/db/incremental/day_changes.sql"));
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string side_tables(pqxx::connection& c) {
    pqxx::read_transaction tx(c);
    return tx.exec1(kSideTables)[0].as<std::string>();
}

struct Database {
    std::string conninfo;
    std::unique_ptr<pqxx::connection> conn;
};

class IncrementalTest : public DbTest {
protected:
    void SetUp() override {
        DbTest::SetUp();
        main_ = Database{TestDatabase::instance().conninfo(), TestDatabase::instance().connect()};
        const std::string other = TestDatabase::instance().sibling("full");
        full_ = Database{other, db::connect(db::ConnectOptions{other, "test", 1, 0})};
        truncate_tables(*full_.conn);
        for (Database* d : {&main_, &full_}) {
            demo::load_demo(*d->conn, demo::DemoSpec{4000, 7, *rules::parse_iso_date("2025-12-19"), true});
            pqxx::work tx(*d->conn);
            tx.exec0(day_changes_sql());
            tx.commit();
        }
    }

    static void change_registers(Database& d, const std::string& day) {
        pqxx::work tx(*d.conn);
        tx.exec_params1("SELECT testkit.change_registers($1::date)", day);
        tx.commit();
    }

    static run::RunResult run(Database& d, const std::string& day, bool full, int workers) {
        static const config::Config cfg = test_config();
        run::RunOptions o;
        o.as_of = rules::parse_iso_date(day);
        o.workers = workers;
        o.evaluation.full = full;
        o.evaluation.full_every_days = 1000;  // only what the data and the days make full
        o.connect.conninfo = d.conninfo;
        o.connect.step = "test";
        return run::run_nightly(*d.conn, cfg, o);
    }

    // The counts without what differs by design: timings and how the run evaluated.
    static std::string comparable(run::Counts counts) {
        counts.erase("stage_seconds");
        counts.erase("evaluation");
        return counts.dump();
    }

    Database main_;
    Database full_;
};

TEST_F(IncrementalTest, EveryDayDecidesExactlyWhatAFullRunDecides) {
    std::map<std::string, std::vector<std::string>> days_by_mode;
    int n = 0;
    for (const char* day : kDays) {
        change_registers(main_, day);
        change_registers(full_, day);
        const auto incremental = run(main_, day, false, 1 + n++ % 2);
        const auto full = run(full_, day, true, 1);
        days_by_mode[incremental.counts["evaluation"]["mode"].get<std::string>()].push_back(day);
        ASSERT_EQ(outcome_of(*main_.conn), outcome_of(*full_.conn))
            << day << ": " << incremental.counts["evaluation"].dump();
        ASSERT_EQ(side_tables(*main_.conn), side_tables(*full_.conn)) << day;
        ASSERT_EQ(comparable(incremental.counts), comparable(full.counts)) << day;
    }

    // Most days were incremental, and the days every person's evaluation changes were full.
    EXPECT_GE(days_by_mode["incremental"].size(), 14U);
    const auto& full_days = days_by_mode["full"];
    for (const char* day : {"2025-12-20", "2026-01-01", "2026-01-05", "2026-01-06", "2026-02-01"}) {
        EXPECT_NE(std::find(full_days.begin(), full_days.end(), day), full_days.end()) << day << " was not full";
    }

    // Not a comparison of quiet histories: the days did all the kinds of things a run does.
    EXPECT_GT(count("SELECT count(*) FROM supervision.supervised_permit WHERE ended_on > '2025-12-20'"), 20);
    EXPECT_GT(count("SELECT count(*) FROM supervision.supervised_permit WHERE enrolled_on > '2025-12-20'"), 20);
    EXPECT_GE(count("SELECT count(DISTINCT signal_type) FROM supervision.signal WHERE raised_on > '2025-12-20'"), 8);
    EXPECT_GT(count("SELECT count(*) FROM supervision.signal WHERE resolved_on > '2025-12-20'"), 20);
    EXPECT_GT(count("SELECT count(*) FROM supervision.rejected_row_history"), 5);
    EXPECT_GT(count("SELECT count(*) FROM supervision.revocation_review WHERE opened_on > '2025-12-20'"), 20);
}

}  // namespace
}  // namespace supervision::test
