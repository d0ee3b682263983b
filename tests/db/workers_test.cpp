// `run --workers N` gives the same outcome as one worker. Four runs over the
// demo registers (the day before and the day a coverage line comes into force among
// them), from the same empty history, with 1, 2 and 5 workers: every enrolment and end,
// signal with its evidence, review, backlog entry, rejected row (current and cleared),
// quality-control draw and count must be the same.
#include "demo/demo_loader.h"
#include "e2e/faults/fault_support.h"
#include "support/outcome.h"
#include "support/run_helpers.h"
#include "support/test_database.h"

#include <vector>

namespace supervision::test {
namespace {

config::Config test_config() {
    return config_with_campaign(
        "{id: t-2025, active_from: 2025-01-01, active_until: 2026-12-31, "
        "bases: [growth_entrepreneur], decided_from: 2024-01-01}");
}

constexpr const char* kDays[] = {"2025-06-30", "2025-12-31", "2026-01-01", "2026-03-31"};

constexpr const char* kSideTables =
    "SELECT (SELECT count(*) || ':' || coalesce(md5(string_agg(format('%s|%s|%s', as_of, permit_id, draw_rank), ',' "
    "ORDER BY as_of, draw_rank)), '') FROM supervision.qc_sample) || ' ' || "
    "(SELECT count(*) || ':' || coalesce(md5(string_agg(format('%s|%s|%s', source, source_key, reason), ',' "
    "ORDER BY source, source_key, reason)), '') FROM supervision.rejected_row_history)";

struct History {
    Outcome outcome;
    std::string side_tables;
    std::vector<std::string> counts;  // per run, without the stage timings
};

class WorkersTest : public DbTest {
protected:
    History history(int workers) {
        reset_outputs(conn());
        static const config::Config cfg = test_config();
        History h;
        for (const char* day : kDays) {
            run::RunOptions o;
            o.as_of = rules::parse_iso_date(day);
            o.workers = workers;
            o.connect.conninfo = TestDatabase::instance().conninfo();
            o.connect.step = "test";
            auto counts = run::run_nightly(conn(), cfg, o).counts;
            counts.erase("stage_seconds");
            h.counts.push_back(counts.dump());
        }
        h.outcome = outcome_of(conn());
        h.side_tables = scalar(kSideTables);
        return h;
    }
};

TEST_F(WorkersTest, OneTwoAndFiveWorkersDecideExactlyTheSame) {
    demo::load_demo(conn(), demo::DemoSpec{4000, 7, *rules::parse_iso_date("2026-03-31"), true});
    // A row a later run no longer rejects, so that the history of cleared rows is compared too.
    {
        pqxx::work tx(conn());
        tx.exec0(
            "UPDATE registry.income_record SET gross_amount = -1 WHERE record_id = "
            "(SELECT min(record_id) FROM registry.income_record WHERE period_end > '2026-01-01')");
        tx.commit();
    }
    const History one = history(1);

    // Not a comparison of empty histories: the runs did all the kinds of things a run does.
    EXPECT_GT(count("SELECT count(*) FROM supervision.supervised_permit WHERE ended_on IS NOT NULL"), 0);
    EXPECT_GE(count("SELECT count(DISTINCT signal_type) FROM supervision.signal"), 8);
    EXPECT_GT(count("SELECT count(*) FROM supervision.signal WHERE status = 'resolved'"), 0);
    EXPECT_GT(count("SELECT count(*) FROM supervision.revocation_review"), 0);
    EXPECT_GT(count("SELECT count(*) FROM supervision.review_backlog"), 0);
    EXPECT_GT(count("SELECT count(*) FROM supervision.rejected_row WHERE source = 'company_status'"), 0);
    EXPECT_GT(count("SELECT count(DISTINCT source) FROM supervision.rejected_row"), 4);

    for (const int workers : {2, 5}) {
        const History many = history(workers);
        EXPECT_EQ(many.outcome, one.outcome) << workers << " workers";
        EXPECT_EQ(many.side_tables, one.side_tables) << workers << " workers";
        ASSERT_EQ(many.counts.size(), one.counts.size());
        for (std::size_t i = 0; i < one.counts.size(); ++i) {
            EXPECT_EQ(many.counts[i], one.counts[i]) << workers << " workers, run on " << kDays[i];
        }
    }
}

TEST_F(WorkersTest, EveryPersonIsInExactlyOneShard) {
    // supervision.shard_of: shards 0..n-1, the same for the same person, and a missing
    // person id in one of them like any other.
    EXPECT_EQ(count("SELECT count(*) FROM generate_series(1, 10000) i "
                    "WHERE supervision.shard_of('p' || i, 3) NOT BETWEEN 0 AND 2"),
              0);
    EXPECT_EQ(count("SELECT count(DISTINCT supervision.shard_of('p' || i, 3)) FROM generate_series(1, 10000) i"), 3);
    EXPECT_EQ(count("SELECT supervision.shard_of('p1', 1) + supervision.shard_of(NULL, 1)"), 0);
    EXPECT_EQ(scalar("SELECT supervision.shard_of(NULL, 4) = supervision.shard_of('', 4)"), "t");
}

}  // namespace
}  // namespace supervision::test
