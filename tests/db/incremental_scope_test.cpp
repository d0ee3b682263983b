// docs/incremental.md: the change capture on the registers, and when a run is full rather
// than incremental — each reason on the day it applies, and an incremental run the day
// before or after.
#include "support/registry_builder.h"
#include "support/run_helpers.h"
#include "support/signal_queries.h"
#include "support/test_database.h"

#include <string>

namespace supervision::test {
namespace {

class IncrementalScopeTest : public DbTest {
protected:
    void SetUp() override {
        DbTest::SetUp();
        for (int i = 1; i <= 3; ++i) {
            PermitRow p;
            p.permit_id = "P-" + std::to_string(i);
            p.person_id = "H-" + std::to_string(i);
            p.valid_from = "2024-09-01";
            p.valid_until = "2026-08-31";
            insert(conn(), p);
        }
        // Paid every month: no income signal, whose evidence would make them due every day.
        exec(conn(),
             "INSERT INTO registry.income_record (record_id, person_id, payer_id, period_start, period_end, "
             "gross_amount, hours, received_at) SELECT 'R-' || h || '-' || m, 'H-' || h, 'E-1', "
             "m::date, (m + interval '1 month - 1 day')::date, 5000, 160, now() "
             "FROM generate_series(1, 3) h, generate_series('2024-09-01'::date, '2025-12-01', '1 month') m");
        set_all_sources(conn(), "2025-02-28");
    }

    run::Counts run(const std::string& as_of, const config::Config& cfg = default_config(), bool full = false,
                    int full_every_days = 1000, bool dry_run = false) {
        run::RunOptions o;
        o.as_of = rules::parse_iso_date(as_of);
        o.dry_run = dry_run;
        o.evaluation.full = full;
        o.evaluation.full_every_days = full_every_days;
        return run::run_nightly(conn(), cfg, o).counts;
    }
    static std::string mode(const run::Counts& c) { return c["evaluation"]["mode"].get<std::string>(); }
    static std::string reason(const run::Counts& c) { return c["evaluation"]["reason"].get<std::string>(); }
    // The persons the registry_change rows list, sorted, as text.
    std::string changed_persons() {
        return scalar(
            "SELECT coalesce(string_agg(p, ',' ORDER BY p), '') FROM "
            "(SELECT DISTINCT unnest(persons) AS p FROM supervision.registry_change) u");
    }
};

TEST_F(IncrementalScopeTest, TheFirstRunIsFullTheNextWithNoChangeEvaluatesNobody) {
    const auto first = run("2025-03-01");
    EXPECT_EQ(mode(first), "full");
    EXPECT_EQ(reason(first), "no earlier run kept an evaluation state");
    const auto next = run("2025-03-02");
    EXPECT_EQ(mode(next), "incremental");
    EXPECT_EQ(next["evaluation"]["persons"], 0);
    EXPECT_EQ(next["evaluated"], 3);  // counts are of all the permits supervised, as in a full run
    EXPECT_EQ(scalar("SELECT evaluation->>'mode' FROM supervision.run ORDER BY run_id DESC LIMIT 1"), "incremental");
}

TEST_F(IncrementalScopeTest, ChangedRowsMakeTheirPersonsEvaluatedAndTheRunConsumesTheChanges) {
    run("2025-03-01");
    EXPECT_EQ(count("SELECT count(*) FROM supervision.registry_change"), 0);
    insert(conn(), event("V-1", "emigrated", "2025-03-01", "H-2"));
    exec(conn(), "UPDATE registry.permit SET person_id = 'H-9' WHERE permit_id = 'P-3'");
    EXPECT_EQ(changed_persons(), "H-2,H-3,H-9");  // an update names the row's person before and after
    const auto next = run("2025-03-02");
    EXPECT_EQ(mode(next), "incremental");
    EXPECT_EQ(next["evaluation"]["persons"], 3);
    EXPECT_EQ(next["evaluation"]["changes_consumed"], 2);
    EXPECT_EQ(count("SELECT count(*) FROM supervision.registry_change"), 0);
    EXPECT_TRUE(open_signal(conn(), "P-2", "emigrated").has_value());
}

TEST_F(IncrementalScopeTest, EveryKindOfStatementIsCapturedOnceWithItsPersonsOrCompanies) {
    exec(conn(), "TRUNCATE supervision.registry_change");
    insert(conn(), IncomeRow{"R-1", "H-1", "E-1", "2025-01-01", "2025-01-31", "4000.00", "160"});
    exec(conn(), "UPDATE registry.income_record SET gross_amount = 1 WHERE record_id = 'R-1'");
    exec(conn(), "UPDATE registry.income_record SET gross_amount = 1 WHERE record_id = 'none'");  // no row
    exec(conn(), "DELETE FROM registry.income_record WHERE record_id = 'R-1'");
    insert(conn(), IncomeRow{"R-2", std::nullopt, "E-1", "2025-01-01", "2025-01-31", "4000.00", "160"});
    insert(conn(), CompanyStatusRow{"C-7", "bankrupt", "2025-01-10"});
    EXPECT_EQ(scalar("SELECT string_agg(format('%s:%s:%s', source, persons, companies), ' ' ORDER BY change_id) "
                     "FROM supervision.registry_change"),
              "income_record:{H-1}: income_record:{H-1}: income_record:{H-1}: income_record:{\"\"}: "
              "company_status::{C-7}");
    exec(conn(), "TRUNCATE registry.study_record");
    EXPECT_EQ(scalar("SELECT source || ':' || whole FROM supervision.registry_change ORDER BY change_id DESC LIMIT 1"),
              "study_record:true");
}

TEST_F(IncrementalScopeTest, ALoadNotCommittedWhenTheRunBeganIsTakenByTheNextRun) {
    run("2025-03-01");
    auto etl = TestDatabase::instance().connect();
    pqxx::work load(*etl);
    load.exec0(
        "INSERT INTO registry.population_event (event_id, person_id, event_type, event_date, received_at) "
        "VALUES ('V-1', 'H-1', 'emigrated', '2025-03-01', now())");
    const auto during = run("2025-03-02");
    EXPECT_EQ(during["evaluation"]["changes_consumed"], 0);
    EXPECT_FALSE(open_signal(conn(), "P-1", "emigrated").has_value());
    load.commit();
    const auto after = run("2025-03-03");
    EXPECT_EQ(mode(after), "incremental");
    EXPECT_EQ(after["evaluation"]["changes_consumed"], 1);
    EXPECT_TRUE(open_signal(conn(), "P-1", "emigrated").has_value());
}

TEST_F(IncrementalScopeTest, FullOnRequest) {
    run("2025-03-01");
    EXPECT_EQ(reason(run("2025-03-02", default_config(), true)), "requested (--full)");
}

TEST_F(IncrementalScopeTest, FullWhenTheConfigurationOrTheServiceVersionChanged) {
    run("2025-03-01");
    const auto other = config_replacing(
        "  income_below_requirement:\n    bases: [specialist, eu_blue_card, employed]\n"
        "    weight: [{from: 2000-01-01, value: 1.0}]",
        "  income_below_requirement:\n    bases: [specialist, eu_blue_card, employed]\n"
        "    weight: [{from: 2000-01-01, value: 0.9}]");
    EXPECT_EQ(reason(run("2025-03-02", other)), "the configuration changed");
    EXPECT_EQ(mode(run("2025-03-03", other)), "incremental");
    exec(conn(),
         "UPDATE supervision.run SET evaluation = jsonb_set(evaluation, '{keys,service_version}', '\"0.0.1\"')");
    EXPECT_EQ(reason(run("2025-03-04", other)), "the service version changed");
}

TEST_F(IncrementalScopeTest, FullOnTheDayADatedParameterComesIntoForce) {
    run("2025-06-09");
    EXPECT_EQ(mode(run("2025-06-10")), "incremental");
    const auto on = run("2025-06-11");  // the long unemployment period and work history
    EXPECT_EQ(mode(on), "full");
    EXPECT_EQ(reason(on), "a dated parameter, coverage line or campaign day falls after 2025-06-10");
    EXPECT_EQ(mode(run("2025-06-12")), "incremental");
}

TEST_F(IncrementalScopeTest, FullWhenACompleteMonthOrTermIsAddedOrTheYearTurns) {
    // The days between avoid the configuration's own (2025-04-01 is a month start too,
    // and the keys are compared first; 2025-06-11; 2026-01-01 a year start).
    run("2025-03-01");
    set_source(conn(), "incomes", "2025-03-31");  // March is not complete before 1 April
    EXPECT_EQ(mode(run("2025-03-31")), "incremental");
    EXPECT_EQ(reason(run("2025-04-01")), "the Incomes Register's last complete month moved");
    set_source(conn(), "benefits", "2025-03-31");
    EXPECT_EQ(reason(run("2025-04-02")), "the benefits register's last complete month moved");
    run("2025-07-30");
    set_source(conn(), "studies", "2025-07-31");  // the spring term is complete from 1 August
    EXPECT_EQ(mode(run("2025-07-31")), "incremental");
    EXPECT_EQ(reason(run("2025-08-01")), "the study register's last complete term moved");
    EXPECT_EQ(mode(run("2025-12-31")), "incremental");
    EXPECT_EQ(reason(run("2026-01-01")), "a new year began (student hours)");
}

TEST_F(IncrementalScopeTest, FullWhenTheLastFullEvaluationIsOldEnough) {
    run("2025-03-01");
    EXPECT_EQ(mode(run("2025-03-03", default_config(), false, 3)), "incremental");
    EXPECT_EQ(reason(run("2025-03-04", default_config(), false, 3)),
              "the last full evaluation was 3 days ago (--full-every-days 3)");
    EXPECT_EQ(mode(run("2025-03-05", default_config(), false, 3)), "incremental");
}

TEST_F(IncrementalScopeTest, FullWhenChangeCaptureIsOffOrARegisterWasTruncated) {
    run("2025-03-01");
    exec(conn(), "ALTER TABLE registry.income_record ENABLE TRIGGER supervision_change_insert");  // not ALWAYS
    EXPECT_EQ(reason(run("2025-03-02")), "change capture is not always enabled on registry.income_record");
    exec(conn(), "ALTER TABLE registry.income_record ENABLE ALWAYS TRIGGER supervision_change_insert");
    EXPECT_EQ(mode(run("2025-03-03")), "incremental");
    exec(conn(), "TRUNCATE registry.benefit_payment");
    EXPECT_EQ(reason(run("2025-03-04")), "registry.benefit_payment was truncated or changed in bulk");
    EXPECT_EQ(mode(run("2025-03-05")), "incremental");
}

TEST_F(IncrementalScopeTest, FullWhenTheChangesReachAQuarterOfThePersons) {
    exec(conn(),
         "INSERT INTO registry.permit (permit_id, person_id, basis, sequence, decision_date, valid_from, "
         "valid_until, status, institution_id, updated_at) SELECT 'Q-' || i, 'HQ-' || i, 'student', 'first', "
         "'2024-07-01', '2024-09-01', '2026-08-31', 'granted', 'I-1', now() FROM generate_series(1, 4000) i");
    exec(conn(), "ANALYZE registry.permit");
    run("2025-03-01");
    exec(conn(),
         "UPDATE registry.permit SET institution_id = 'I-2' WHERE permit_id LIKE 'Q-%' AND "
         "substr(permit_id, 3)::integer <= 900");
    EXPECT_EQ(mode(run("2025-03-02")), "incremental");  // 900 persons: few enough whatever the share
    exec(conn(),
         "UPDATE registry.permit SET institution_id = 'I-3' WHERE permit_id LIKE 'Q-%' AND "
         "substr(permit_id, 3)::integer <= 1100");
    EXPECT_EQ(reason(run("2025-03-03")),
              "the changes reach 1100 persons, more than a quarter of the about 4003 "
              "in the registers");
}

TEST_F(IncrementalScopeTest, ADryRunOfAnEarlierDayIsFullAndWritesNothing) {
    run("2025-03-05");
    const auto dry = run("2025-03-01", default_config(), false, 1000, true);
    EXPECT_EQ(reason(dry), "as_of is before the last run's 2025-03-05");
    EXPECT_EQ(count("SELECT count(*) FROM supervision.run"), 1);
    EXPECT_EQ(mode(run("2025-03-06")), "incremental");
}

}  // namespace
}  // namespace supervision::test
