// rules.md §5 study_inactive, with the default terms (autumn 08-01..12-31, spring
// 01-01..07-31) and the first-permit grace of 2 months (rules.md §4).
//
// The permit: a first student permit valid 2024-08-01..2026-07-31, so evaluation starts
// at add_months(2024-08-01, 2) = 2024-10-01: autumn 2024 is never evaluated, spring 2025
// is the first evaluated term (evaluable from 2025-08-01), autumn 2025 the second.
#include "support/registry_builder.h"
#include "support/run_helpers.h"
#include "support/signal_queries.h"
#include "support/test_database.h"

#include <gtest/gtest.h>

namespace supervision::test {
namespace {

constexpr const char* kSpring2024 = "2024-01-01";
constexpr const char* kAutumn2024 = "2024-08-01";
constexpr const char* kSpring2025 = "2025-01-01";
constexpr const char* kAutumn2025 = "2025-08-01";

PermitRow student() {
    PermitRow p;
    p.permit_id = "P-1";
    p.person_id = "H-1";
    p.basis = "student";
    p.sequence = "first";
    p.decision_date = "2024-06-01";
    p.valid_from = "2024-08-01";
    p.valid_until = "2026-07-31";
    p.employer_id = std::nullopt;
    p.institution_id = "I-1";
    return p;
}

// A study record for the term starting on `start` (the record's own dates = the term's).
StudyRow record(const std::string& start, const std::string& enrolment, const std::string& credits,
                const std::string& institution = "I-1") {
    StudyRow r;
    r.person_id = "H-1";
    r.institution_id = institution;
    r.term_start = start;
    r.term_end = start.substr(5) == "01-01" ? start.substr(0, 4) + "-07-31" : start.substr(0, 4) + "-12-31";
    r.enrolment = enrolment;
    r.credits = credits;
    return r;
}

class StudyInactiveTest : public DbTest {
protected:
    void SetUp() override {
        DbTest::SetUp();
        insert(conn(), student());
    }
    std::vector<SignalRow> inactive() { return signals_of(conn(), "P-1", "study_inactive"); }
    // Every register complete through `complete_through`, then one run on `as_of`.
    void run_complete(const std::string& complete_through, const std::string& as_of) {
        set_all_sources(conn(), complete_through);
        run_on(conn(), as_of);
    }
};

TEST_F(StudyInactiveTest, LatestTermWithNoRecordIsRaisedWithTheTermAsPeriod) {
    insert(conn(), record(kAutumn2024, "present", "30.0"));
    run_complete("2025-07-31", "2025-08-01");
    const auto s = inactive();
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].status, "open");
    EXPECT_EQ(s[0].raised_on, "2025-08-01");
    EXPECT_EQ(s[0].period_start, "2025-01-01");
    EXPECT_EQ(s[0].period_end, "2025-07-31");
    EXPECT_EQ(s[0].evidence["reason"], "latest_term_not_present");
    EXPECT_EQ(s[0].evidence["latest_term"]["name"], "spring");
    EXPECT_EQ(s[0].evidence["latest_term"]["status"], "no_record");
    EXPECT_EQ(s[0].evidence["grace_months"], 2);
}

TEST_F(StudyInactiveTest, TermStartingBeforeTheEndOfGraceIsNotEvaluated) {
    // valid_from 2024-08-01 + 2 months = 2024-10-01: autumn 2024 (from 08-01) is skipped.
    run_complete("2024-12-31", "2025-01-01");
    EXPECT_TRUE(inactive().empty());
    insert(conn(), record(kSpring2025, "present", "25.0"));
    run_complete("2025-07-31", "2025-08-01");
    EXPECT_TRUE(inactive().empty());
}

TEST_F(StudyInactiveTest, OnlyAbsentOrWithdrawnRecordsAreRaised) {
    insert(conn(), record(kSpring2025, "absent", "0.0", "I-1"));
    insert(conn(), record(kSpring2025, "withdrawn", "0.0", "I-2"));
    run_complete("2025-07-31", "2025-08-01");
    const auto s = inactive();
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].period_start, "2025-01-01");
    EXPECT_EQ(s[0].period_end, "2025-07-31");
    EXPECT_EQ(s[0].evidence["latest_term"]["status"], "absent_or_withdrawn");
}

TEST_F(StudyInactiveTest, PresentWithCreditsIsNotRaised) {
    insert(conn(), record(kSpring2025, "present", "20.0"));
    run_complete("2025-07-31", "2025-08-01");
    EXPECT_TRUE(inactive().empty());
}

TEST_F(StudyInactiveTest, TermIsPresentIfAnyRecordInItIsPresent) {
    insert(conn(), record(kSpring2025, "absent", "0.0", "I-1"));
    insert(conn(), record(kSpring2025, "present", "10.0", "I-2"));
    run_complete("2025-07-31", "2025-08-01");
    EXPECT_TRUE(inactive().empty());
}

TEST_F(StudyInactiveTest, LastTwoTermsPresentWithZeroCreditsAreRaisedOverBothTerms) {
    insert(conn(), record(kSpring2025, "present", "0.0"));
    insert(conn(), record(kAutumn2025, "present", "0.0"));
    run_complete("2025-12-31", "2026-01-01");
    const auto s = inactive();
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].raised_on, "2026-01-01");
    EXPECT_EQ(s[0].period_start, "2025-01-01");
    EXPECT_EQ(s[0].period_end, "2025-12-31");
    EXPECT_EQ(s[0].evidence["reason"], "two_terms_without_credits");
    EXPECT_EQ(s[0].evidence["previous_term"]["name"], "spring");
    EXPECT_EQ(s[0].evidence["latest_term"]["name"], "autumn");
}

TEST_F(StudyInactiveTest, OneZeroCreditTermAfterACreditedOneIsNotRaised) {
    insert(conn(), record(kSpring2025, "present", "12.0"));
    insert(conn(), record(kAutumn2025, "present", "0.0"));
    run_complete("2025-12-31", "2026-01-01");
    EXPECT_TRUE(inactive().empty());
}

TEST_F(StudyInactiveTest, ZeroCreditTermInGraceIsNotOneOfTheLastTwo) {
    insert(conn(), record(kAutumn2024, "present", "0.0"));
    insert(conn(), record(kSpring2025, "present", "0.0"));
    run_complete("2025-07-31", "2025-08-01");
    EXPECT_TRUE(inactive().empty());
}

TEST_F(StudyInactiveTest, CreditsOfRecordsInOneTermAreSummed) {
    insert(conn(), record(kSpring2025, "present", "0.0", "I-1"));
    insert(conn(), record(kSpring2025, "present", "5.0", "I-2"));
    insert(conn(), record(kAutumn2025, "present", "0.0", "I-1"));
    run_complete("2025-12-31", "2026-01-01");
    EXPECT_TRUE(inactive().empty());
}

TEST_F(StudyInactiveTest, RecordOfAnotherInstitutionCountsForItsTerm) {
    // The permit names I-1; a record at I-9 still belongs to the person's term.
    insert(conn(), record(kSpring2025, "present", "15.0", "I-9"));
    run_complete("2025-07-31", "2025-08-01");
    EXPECT_TRUE(inactive().empty());
}

TEST_F(StudyInactiveTest, RecordBelongsToTheTermItsTermStartFallsIn) {
    // Starts mid-spring and ends in summer: a spring record.
    StudyRow mid = record(kSpring2025, "present", "15.0");
    mid.term_start = "2025-03-15";
    mid.term_end = "2025-06-30";
    insert(conn(), mid);
    run_complete("2025-07-31", "2025-08-01");
    EXPECT_TRUE(inactive().empty());
}

TEST_F(StudyInactiveTest, RecordStartingInTheEarlierTermDoesNotCoverTheNextOne) {
    // Starts in autumn 2024 and runs into spring 2025: an autumn record only.
    StudyRow spanning = record(kAutumn2024, "present", "40.0");
    spanning.term_end = "2025-05-31";
    insert(conn(), spanning);
    run_complete("2025-07-31", "2025-08-01");
    const auto s = inactive();
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].period_start, "2025-01-01");
    EXPECT_EQ(s[0].evidence["latest_term"]["status"], "no_record");
}

TEST_F(StudyInactiveTest, GraduatedTermEndsTheRequirementForLaterTerms) {
    insert(conn(), record(kSpring2025, "graduated", "0.0"));
    run_complete("2025-07-31", "2025-08-01");
    EXPECT_TRUE(inactive().empty());
    run_complete("2025-12-31", "2026-01-01");  // autumn 2025 has no record
    EXPECT_TRUE(inactive().empty());
}

TEST_F(StudyInactiveTest, GraduationInATermThatIsNotEvaluatedStillCounts) {
    insert(conn(), record(kAutumn2024, "graduated", "0.0"));  // overlaps validity, within grace
    run_complete("2025-07-31", "2025-08-01");
    EXPECT_TRUE(inactive().empty());
}

TEST_F(StudyInactiveTest, GraduationBeforeValidityDoesNotCount) {
    insert(conn(), record(kSpring2024, "graduated", "0.0"));  // ends 2024-07-31, before valid_from
    run_complete("2025-07-31", "2025-08-01");
    const auto s = inactive();
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].period_start, "2025-01-01");
}

TEST_F(StudyInactiveTest, TermEndingOnAsOfIsNotYetEvaluated) {
    run_complete("2025-07-31", "2025-07-31");
    EXPECT_TRUE(inactive().empty());
    run_on(conn(), "2025-08-01");
    const auto s = inactive();
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].raised_on, "2025-08-01");
}

TEST_F(StudyInactiveTest, TermNotCompleteForTheStudyRegisterIsNotEvaluated) {
    set_all_sources(conn(), "2025-09-30");
    set_source(conn(), "studies", "2025-07-30");
    run_on(conn(), "2025-08-05");
    EXPECT_TRUE(inactive().empty());
    set_source(conn(), "studies", "2025-07-31");
    run_on(conn(), "2025-08-06");
    const auto s = inactive();
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].raised_on, "2025-08-06");
    EXPECT_EQ(s[0].period_start, "2025-01-01");
    EXPECT_EQ(s[0].period_end, "2025-07-31");
}

TEST_F(StudyInactiveTest, RecordArrivingLaterResolvesIt) {
    run_complete("2025-07-31", "2025-08-01");
    ASSERT_TRUE(open_signal(conn(), "P-1", "study_inactive").has_value());
    insert(conn(), record(kSpring2025, "present", "20.0"));
    run_complete("2025-08-01", "2025-08-02");
    const auto s = inactive();
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].status, "resolved");
    EXPECT_EQ(s[0].resolved_on, std::optional<std::string>("2025-08-02"));
    EXPECT_EQ(s[0].resolution, std::optional<std::string>("condition_ended"));
}

TEST_F(StudyInactiveTest, NextInactiveTermKeepsTheSameSignalAndExtendsItsPeriod) {
    run_complete("2025-07-31", "2025-08-01");
    const auto first = inactive();
    ASSERT_EQ(first.size(), 1u);
    run_complete("2025-12-31", "2026-01-01");
    const auto s = inactive();
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].signal_id, first[0].signal_id);
    EXPECT_EQ(s[0].status, "open");
    EXPECT_EQ(s[0].period_start, "2025-01-01");
    EXPECT_EQ(s[0].period_end, "2025-12-31");
    EXPECT_EQ(s[0].evidence["latest_term"]["name"], "autumn");
}

}  // namespace
}  // namespace supervision::test
