// rules.md §5 student_work_hours_exceeded: the hours attributed (by period_end) to the
// year of as_of and, if it overlapped validity, the previous year, against the cap in
// force on 31 December (1 560 h); the period is 1 January – 31 December of those years.
#include "support/registry_builder.h"
#include "support/run_helpers.h"
#include "support/signal_queries.h"
#include "support/test_database.h"

#include <string>

namespace supervision::test {
namespace {

constexpr const char* kType = "student_work_hours_exceeded";

void student(pqxx::connection& c, const std::string& permit_id, const std::string& person,
             const std::string& valid_from, const std::string& valid_until = "2026-12-31") {
    PermitRow p;
    p.permit_id = permit_id;
    p.person_id = person;
    p.basis = "student";
    p.sequence = "first";
    p.decision_date = "2024-06-01";
    p.valid_from = valid_from;
    p.valid_until = valid_until;
    p.employer_id = std::nullopt;
    p.institution_id = "I-1";
    insert(c, p);
}

void hours(pqxx::connection& c, const std::string& id, const std::string& person, const std::string& from,
           const std::string& to, const std::string& h) {
    IncomeRow r;
    r.record_id = id;
    r.person_id = person;
    r.period_start = from;
    r.period_end = to;
    r.gross_amount = "1000.00";
    r.hours = h;
    insert(c, r);
}

// Six records of 260 h, January to June of 2025 (1 560 h); the June one gets `june` hours.
void first_half_of_2025(pqxx::connection& c, const std::string& person, const std::string& june) {
    const char* months[][2] = {{"2025-01-01", "2025-01-31"},
                               {"2025-02-01", "2025-02-28"},
                               {"2025-03-01", "2025-03-31"},
                               {"2025-04-01", "2025-04-30"},
                               {"2025-05-01", "2025-05-31"}};
    for (const auto& m : months) hours(c, person + "-" + m[0], person, m[0], m[1], "260");
    hours(c, person + "-2025-06-01", person, "2025-06-01", "2025-06-30", june);
}

// 1 600 h in 2024: four records of 400 h, September to December.
void autumn_2024(pqxx::connection& c, const std::string& person) {
    hours(c, person + "-09", person, "2024-09-01", "2024-09-30", "400");
    hours(c, person + "-10", person, "2024-10-01", "2024-10-31", "400");
    hours(c, person + "-11", person, "2024-11-01", "2024-11-30", "400");
    hours(c, person + "-12", person, "2024-12-01", "2024-12-31", "400");
}

using StudentHoursTest = DbTest;

TEST_F(StudentHoursTest, HoursAtTheCapAreNotExceededHalfAnHourMoreIs) {
    student(conn(), "P-1", "H-1", "2024-09-01");
    student(conn(), "P-2", "H-2", "2024-09-01");
    first_half_of_2025(conn(), "H-1", "260");    // 1 560 h
    first_half_of_2025(conn(), "H-2", "260.5");  // 1 560.5 h
    set_all_sources(conn(), "2025-06-30");
    run_on(conn(), "2025-07-01");

    EXPECT_TRUE(signals_of(conn(), "P-1", kType).empty());
    const auto s = signals_of(conn(), "P-2", kType);
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].status, "open");
    EXPECT_EQ(s[0].period_start, "2025-01-01");
    EXPECT_EQ(s[0].period_end, "2025-12-31");
    EXPECT_EQ(s[0].raised_on, "2025-07-01");
    EXPECT_DOUBLE_EQ(s[0].weight, 1.0);
    const auto& years = s[0].evidence["years"];
    ASSERT_EQ(years.size(), 1u);
    EXPECT_EQ(years[0]["year"], 2025);
    EXPECT_DOUBLE_EQ(years[0]["hours"].get<double>(), 1560.5);
    EXPECT_DOUBLE_EQ(years[0]["cap"].get<double>(), 1560.0);
    EXPECT_EQ(years[0]["cap_in_force_from"], "2022-04-15");
}

TEST_F(StudentHoursTest, PreviousYearCountsOnlyIfItOverlappedValidity) {
    student(conn(), "P-1", "H-1", "2025-01-01");  // 2024 did not overlap validity
    student(conn(), "P-2", "H-2", "2024-12-31");  // 2024 overlapped by one day
    autumn_2024(conn(), "H-1");
    autumn_2024(conn(), "H-2");
    set_all_sources(conn(), "2025-01-31");
    run_on(conn(), "2025-02-01");

    EXPECT_TRUE(signals_of(conn(), "P-1", kType).empty());
    const auto s = open_signal(conn(), "P-2", kType);
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->period_start, "2024-01-01");
    EXPECT_EQ(s->period_end, "2024-12-31");
    ASSERT_EQ(s->evidence["years"].size(), 1u);
    EXPECT_EQ(s->evidence["years"][0]["year"], 2024);
    EXPECT_DOUBLE_EQ(s->evidence["years"][0]["hours"].get<double>(), 1600.0);
}

TEST_F(StudentHoursTest, HoursAreAttributedToTheYearOfPeriodEnd) {
    student(conn(), "P-1", "H-1", "2025-01-01");
    hours(conn(), "R-across", "H-1", "2024-12-20", "2025-01-05", "400");  // counts for 2025
    hours(conn(), "R-feb", "H-1", "2025-02-01", "2025-02-28", "600");
    hours(conn(), "R-mar", "H-1", "2025-03-01", "2025-03-31", "560.5");
    set_all_sources(conn(), "2025-03-31");
    run_on(conn(), "2025-04-01");

    const auto s = open_signal(conn(), "P-1", kType);
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->period_start, "2025-01-01");
    EXPECT_EQ(s->period_end, "2025-12-31");
    EXPECT_DOUBLE_EQ(s->evidence["years"][0]["hours"].get<double>(), 1560.5);
}

TEST_F(StudentHoursTest, RecordEndingOn31DecemberCountsFromThatDay) {
    student(conn(), "P-1", "H-1", "2024-01-01", "2026-06-30");
    hours(conn(), "R-feb", "H-1", "2024-02-01", "2024-02-29", "500");
    hours(conn(), "R-mar", "H-1", "2024-03-01", "2024-03-31", "500");
    hours(conn(), "R-apr", "H-1", "2024-04-01", "2024-04-30", "500");
    hours(conn(), "R-dec", "H-1", "2024-12-01", "2024-12-31", "60.5");
    set_all_sources(conn(), "2024-12-29");
    run_on(conn(), "2024-12-30");  // the December record is dated after as_of: 1 500 h
    EXPECT_TRUE(signals_of(conn(), "P-1", kType).empty());

    set_all_sources(conn(), "2024-12-30");
    run_on(conn(), "2024-12-31");
    const auto s = open_signal(conn(), "P-1", kType);
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->period_start, "2024-01-01");
    EXPECT_EQ(s->period_end, "2024-12-31");
    EXPECT_EQ(s->raised_on, "2024-12-31");
    EXPECT_DOUBLE_EQ(s->evidence["years"][0]["hours"].get<double>(), 1560.5);
}

TEST_F(StudentHoursTest, ExceededYearCountsAsThePreviousYearAndThenNoLonger) {
    student(conn(), "P-1", "H-1", "2024-01-01", "2026-06-30");
    autumn_2024(conn(), "H-1");
    set_all_sources(conn(), "2024-12-31");
    run_on(conn(), "2024-12-31");
    const auto raised = open_signal(conn(), "P-1", kType);
    ASSERT_TRUE(raised.has_value());

    set_all_sources(conn(), "2025-12-31");
    run_on(conn(), "2025-12-31");  // 2024 is the previous year and overlapped validity
    auto s = signals_of(conn(), "P-1", kType);
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].signal_id, raised->signal_id);
    EXPECT_EQ(s[0].status, "open");
    EXPECT_EQ(s[0].period_start, "2024-01-01");
    EXPECT_EQ(s[0].period_end, "2024-12-31");

    run_on(conn(), "2026-01-01");  // now 2026 and 2025 only
    s = signals_of(conn(), "P-1", kType);
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].status, "resolved");
    EXPECT_EQ(s[0].resolved_on, "2026-01-01");
}

TEST_F(StudentHoursTest, BothYearsExceededPeriodCoversBothYears) {
    student(conn(), "P-1", "H-1", "2024-01-01");
    autumn_2024(conn(), "H-1");
    hours(conn(), "R-25-1", "H-1", "2025-01-01", "2025-01-31", "700");
    hours(conn(), "R-25-2", "H-1", "2025-02-01", "2025-02-28", "650");
    hours(conn(), "R-25-3", "H-1", "2025-03-01", "2025-03-31", "250");
    set_all_sources(conn(), "2025-03-31");
    run_on(conn(), "2025-04-01");

    const auto s = open_signal(conn(), "P-1", kType);
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->period_start, "2024-01-01");
    EXPECT_EQ(s->period_end, "2025-12-31");
    const auto& years = s->evidence["years"];
    ASSERT_EQ(years.size(), 2u);
    EXPECT_EQ(years[0]["year"], 2024);
    EXPECT_DOUBLE_EQ(years[0]["hours"].get<double>(), 1600.0);
    EXPECT_EQ(years[1]["year"], 2025);
    EXPECT_DOUBLE_EQ(years[1]["hours"].get<double>(), 1600.0);
}

// rules.md §8: a pay period may be longer than a month; its hours are bounded by 24 × the
// days of its own period (3 624 h for these 151 days), and the record counts whole in the
// year of its period_end: 1 600 h over January–May push the student over 1 560 h.
TEST_F(StudentHoursTest, ARecordOverMonthsCountsWholeInTheYearOfItsPeriodEnd) {
    student(conn(), "P-1", "H-1", "2024-09-01");
    hours(conn(), "R-spring", "H-1", "2025-01-01", "2025-05-31", "1600");
    set_all_sources(conn(), "2025-05-31");
    run_on(conn(), "2025-06-01");

    EXPECT_EQ(count("SELECT count(*) FROM supervision.rejected_row"), 0);
    const auto s = open_signal(conn(), "P-1", kType);
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->period_start, "2025-01-01");
    EXPECT_EQ(s->period_end, "2025-12-31");
    ASSERT_EQ(s->evidence["years"].size(), 1u);
    EXPECT_EQ(s->evidence["years"][0]["year"], 2025);
    EXPECT_DOUBLE_EQ(s->evidence["years"][0]["hours"].get<double>(), 1600.0);
}

// The same record over August 2025 – January 2026 counts in 2026, not 2025: the 1 000 h of
// 2025's own records stay under the cap, 2026 is over it.
TEST_F(StudentHoursTest, ARecordEndingInTheNextYearCountsInThatYearNotThisOne) {
    student(conn(), "P-1", "H-1", "2024-09-01");
    hours(conn(), "R-mar", "H-1", "2025-03-01", "2025-03-31", "500");
    hours(conn(), "R-apr", "H-1", "2025-04-01", "2025-04-30", "500");
    hours(conn(), "R-long", "H-1", "2025-08-01", "2026-01-31", "1600");
    set_all_sources(conn(), "2025-12-31");
    run_on(conn(), "2025-12-31");  // its period_end is after as_of: 1 000 h in 2025
    EXPECT_TRUE(signals_of(conn(), "P-1", kType).empty());

    set_all_sources(conn(), "2026-01-31");
    run_on(conn(), "2026-02-01");
    EXPECT_EQ(count("SELECT count(*) FROM supervision.rejected_row"), 0);
    const auto s = open_signal(conn(), "P-1", kType);
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->period_start, "2026-01-01");
    EXPECT_EQ(s->period_end, "2026-12-31");
    ASSERT_EQ(s->evidence["years"].size(), 1u);
    EXPECT_EQ(s->evidence["years"][0]["year"], 2026);
    EXPECT_DOUBLE_EQ(s->evidence["years"][0]["hours"].get<double>(), 1600.0);
}

}  // namespace
}  // namespace supervision::test
