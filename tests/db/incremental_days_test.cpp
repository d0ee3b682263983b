// docs/incremental.md, the recheck days: with no register row changing, an incremental
// run evaluates a person again on the day a result of theirs changes by date alone
// (sql/run/14_recheck/recheck.sql), and not the day before. Every row is in the registers
// before the first (full) run; each later run must be incremental and decide on its day
// what rules.md says.
#include "support/registry_builder.h"
#include "support/run_helpers.h"
#include "support/signal_queries.h"
#include "support/test_database.h"

#include <string>

namespace supervision::test {
namespace {

PermitRow permit(const std::string& basis, const std::string& sequence, const std::string& valid_from,
                 const std::string& valid_until) {
    PermitRow p;
    p.basis = basis;
    p.sequence = sequence;
    p.decision_date = "2024-07-01";
    p.valid_from = valid_from;
    p.valid_until = valid_until;
    if (basis == "student") {
        p.employer_id = std::nullopt;
        p.institution_id = "I-1";
    }
    if (basis == "growth_entrepreneur") {
        p.employer_id = std::nullopt;
        p.company_id = "C-1";
    }
    return p;
}

class IncrementalDaysTest : public DbTest {
protected:
    // A run that must have been incremental: the days tested are apart by more than the
    // default week between full evaluations.
    run::Counts incremental(const std::string& as_of, const config::Config& cfg = default_config()) {
        run::RunOptions o;
        o.as_of = rules::parse_iso_date(as_of);
        o.evaluation.full_every_days = 1000;
        auto counts = run::run_nightly(conn(), cfg, o).counts;
        EXPECT_EQ(counts["evaluation"]["mode"], "incremental") << as_of << ": " << counts["evaluation"].dump();
        return counts;
    }
    std::string end_of(const std::string& permit_id) {
        return scalar(
            "SELECT coalesce(ended_on::text || ' ' || end_reason, 'supervised') FROM "
            "supervision.supervised_permit WHERE permit_id = '" +
            permit_id + "'");
    }
    bool open(const std::string& type) { return open_signal(conn(), "P-1", type).has_value(); }
};

TEST_F(IncrementalDaysTest, APermitIsEnrolledOnTheDayItStarts) {
    insert(conn(), permit("specialist", "extended", "2025-03-10", "2026-03-09"));
    set_all_sources(conn(), "2025-02-28");
    run_on(conn(), "2025-03-01");
    incremental("2025-03-09");
    EXPECT_EQ(count("SELECT count(*) FROM supervision.supervised_permit"), 0);
    EXPECT_EQ(incremental("2025-03-10")["enrolled"], 1);
}

TEST_F(IncrementalDaysTest, SupervisionEndsTheDayAfterValidUntilAndOnTheStatusDate) {
    insert(conn(), permit("specialist", "extended", "2024-09-01", "2025-03-15"));
    PermitRow revoked = permit("specialist", "extended", "2024-09-01", "2026-08-31");
    revoked.permit_id = "P-2";
    revoked.person_id = "H-2";
    revoked.status = "revoked";
    revoked.status_date = "2025-03-20";  // recorded ahead: granted until then (rules.md §1)
    insert(conn(), revoked);
    set_all_sources(conn(), "2025-02-28");
    run_on(conn(), "2025-03-01");
    incremental("2025-03-15");
    EXPECT_EQ(end_of("P-1"), "supervised");
    incremental("2025-03-16");
    EXPECT_EQ(end_of("P-1"), "2025-03-16 expired");
    incremental("2025-03-19");
    EXPECT_EQ(end_of("P-2"), "supervised");
    incremental("2025-03-20");
    EXPECT_EQ(end_of("P-2"), "2025-03-20 revoked");
}

TEST_F(IncrementalDaysTest, PopulationEventsCountFromTheirDate) {
    insert(conn(), permit("specialist", "extended", "2024-09-01", "2026-08-31"));
    PermitRow other = permit("specialist", "extended", "2024-09-01", "2026-08-31");
    other.permit_id = "P-2";
    other.person_id = "H-2";
    insert(conn(), other);
    insert(conn(), event("V-1", "emigrated", "2025-03-20"));
    insert(conn(), event("V-2", "deceased", "2025-03-25", "H-2"));
    set_all_sources(conn(), "2025-02-28");
    run_on(conn(), "2025-03-01");
    incremental("2025-03-19");
    EXPECT_FALSE(open("emigrated"));
    incremental("2025-03-20");
    EXPECT_TRUE(open("emigrated"));
    incremental("2025-03-24");
    EXPECT_EQ(end_of("P-2"), "supervised");
    incremental("2025-03-25");
    EXPECT_EQ(end_of("P-2"), "2025-03-25 deceased");
}

TEST_F(IncrementalDaysTest, NotMovedToFinlandThreeMonthsAfterValidFrom) {
    insert(conn(), permit("growth_entrepreneur", "first", "2024-12-10", "2026-06-30"));
    set_all_sources(conn(), "2025-02-28");
    set_source(conn(), "population", "2025-03-31");
    run_on(conn(), "2025-03-01");
    incremental("2025-03-09");
    EXPECT_FALSE(open("not_moved_to_finland"));
    incremental("2025-03-10");  // add_months(2024-12-10, 3)
    EXPECT_TRUE(open("not_moved_to_finland"));
}

// The population register's complete_through reaching add_months(valid_from, 3) changes no
// row of the person's, but raises the signal: the move itself brings them into the run.
TEST_F(IncrementalDaysTest, NotMovedToFinlandWhenThePopulationRegisterCatchesUp) {
    insert(conn(), permit("growth_entrepreneur", "first", "2024-12-10", "2026-06-30"));
    set_all_sources(conn(), "2025-02-28");
    set_source(conn(), "population", "2025-03-01");
    run_on(conn(), "2025-03-01");
    incremental("2025-03-12");
    EXPECT_FALSE(open("not_moved_to_finland"));
    set_source(conn(), "population", "2025-03-09");  // the day before add_months(2024-12-10, 3)
    incremental("2025-03-13");
    EXPECT_FALSE(open("not_moved_to_finland"));
    set_source(conn(), "population", "2025-03-10");
    incremental("2025-03-14");
    EXPECT_TRUE(open("not_moved_to_finland"));
}

TEST_F(IncrementalDaysTest, IncomeHoursCountFromTheirPeriodEnd) {
    insert(conn(), permit("student", "first", "2024-09-01", "2026-08-31"));
    insert(conn(), IncomeRow{"R-1", "H-1", "E-1", "2025-01-01", "2025-01-31", "3000.00", "700"});
    insert(conn(), IncomeRow{"R-2", "H-1", "E-1", "2025-02-01", "2025-02-14", "3000.00", "330"});
    insert(conn(), IncomeRow{"R-3", "H-1", "E-1", "2025-02-15", "2025-02-28", "3000.00", "330"});
    insert(conn(), IncomeRow{"R-4", "H-1", "E-1", "2025-03-01", "2025-03-20", "1000.00", "240"});  // 1 600 h
    set_all_sources(conn(), "2025-02-28");
    run_on(conn(), "2025-03-01");
    incremental("2025-03-19");
    EXPECT_FALSE(open("student_work_hours_exceeded"));
    incremental("2025-03-20");
    EXPECT_TRUE(open("student_work_hours_exceeded"));
}

TEST_F(IncrementalDaysTest, ABenefitPaymentCountsFromItsPeriodEnd) {
    insert(conn(), permit("student", "first", "2024-09-01", "2026-08-31"));
    insert(conn(), BenefitRow{"B-1", "H-1", "basic_social_assistance", "2025-02-01", "2025-03-20", "400.00"});
    set_all_sources(conn(), "2025-02-28");
    run_on(conn(), "2025-03-01");
    incremental("2025-03-19");
    EXPECT_FALSE(open("social_assistance"));
    incremental("2025-03-20");
    EXPECT_TRUE(open("social_assistance"));
}

TEST_F(IncrementalDaysTest, ANoticeOfAnEmploymentEndingLaterCountsFromThatDay) {
    insert(conn(), permit("specialist", "extended", "2024-09-01", "2026-08-31"));
    insert(conn(), NoticeRow{"N-1", "H-1", "E-1", "2025-03-20"});
    set_all_sources(conn(), "2025-02-28");
    run_on(conn(), "2025-03-01");
    incremental("2025-03-19");
    EXPECT_FALSE(open("employment_ended"));
    incremental("2025-03-20");
    EXPECT_TRUE(open("employment_ended"));
}

TEST_F(IncrementalDaysTest, AStudyRecordCountsFromItsTermEnd) {
    // The autumn 2024 term is complete; its only record ends on 2025-03-20, so until then
    // the term has no record.
    insert(conn(), permit("student", "first", "2024-05-01", "2026-04-30"));
    insert(conn(), StudyRow{"H-1", "I-1", "2024-08-01", "2025-03-20", "present", "30.0"});
    set_all_sources(conn(), "2025-02-28");
    set_source(conn(), "studies", "2024-12-31");
    run_on(conn(), "2025-03-01");
    EXPECT_TRUE(open("study_inactive"));
    incremental("2025-03-19");
    EXPECT_TRUE(open("study_inactive"));
    incremental("2025-03-20");
    EXPECT_FALSE(open("study_inactive"));
}

TEST_F(IncrementalDaysTest, ACompanyStatusCountsFromItsDate) {
    insert(conn(), permit("growth_entrepreneur", "extended", "2024-09-01", "2026-08-31"));
    insert(conn(), event("V-1", "registered", "2024-09-05"));
    insert(conn(), CompanyStatusRow{"C-1", "bankrupt", "2025-03-20"});
    set_all_sources(conn(), "2025-02-28");
    run_on(conn(), "2025-03-01");
    incremental("2025-03-19");
    EXPECT_FALSE(open("company_inactive"));
    incremental("2025-03-20");
    EXPECT_TRUE(open("company_inactive"));
}

TEST_F(IncrementalDaysTest, TheWorkHistoryReachingTheLongPeriodOnItsDay) {
    // Where the long unemployment period is the shorter one (a configuration may make it
    // so), reaching long_work_history_days raises no_income that day. The history runs from
    // 2023-09-01: 730 days on 2025-08-30. No income in June and July, some in May.
    const auto cfg = config_replacing(
        "  unemployment_months_long:\n    - {from: 2000-01-01, value: 3}\n"
        "    - {from: 2025-06-11, value: 6}",
        "  unemployment_months_long:\n    - {from: 2000-01-01, value: 2}");
    PermitRow p = permit("employed", "extended", "2023-09-01", "2026-08-31");
    p.decision_date = "2023-08-01";
    insert(conn(), p);
    insert(conn(), IncomeRow{"R-5", "H-1", "E-1", "2025-05-01", "2025-05-31", "2500.00", "150"});
    set_all_sources(conn(), "2025-07-31");
    run_on(conn(), cfg, "2025-08-20");
    EXPECT_FALSE(open("no_income"));
    incremental("2025-08-29", cfg);
    EXPECT_FALSE(open("no_income"));
    incremental("2025-08-30", cfg);
    const auto s = open_signal(conn(), "P-1", "no_income");
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->evidence["long_work_history_from"], "2025-08-30");
    EXPECT_EQ(s->evidence["unemployment_months"]["rule"], "work_history");
    // The evidence does not change from day to day while the condition holds.
    EXPECT_EQ(incremental("2025-08-31", cfg)["evaluation"]["persons"], 0);
    EXPECT_EQ(open_signal(conn(), "P-1", "no_income")->evidence, s->evidence);
}

}  // namespace
}  // namespace supervision::test
