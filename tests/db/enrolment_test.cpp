// rules.md §3 "Enrolment", on the edge days of every coverage line.
#include "rules/dates.h"
#include "support/registry_builder.h"
#include "support/run_helpers.h"
#include "support/test_database.h"

#include "config/loader.h"

#include <fstream>
#include <sstream>

namespace supervision::test {
namespace {

class EnrolmentTest : public DbTest {
protected:
    std::string line_of(const std::string& permit) {
        return scalar("SELECT coalesce((SELECT line_id FROM supervision.supervised_permit WHERE permit_id = '" +
                      permit + "'), 'none')");
    }
    std::string enrolled_on(const std::string& permit) {
        return scalar("SELECT enrolled_on::text FROM supervision.supervised_permit WHERE permit_id = '" + permit + "'");
    }
};

std::string iso_plus(const std::string& day, int days) {
    return rules::to_iso(*rules::parse_iso_date(day) + date::days{days});
}

struct LineCase {
    const char* line;
    const char* basis;
    const char* sequence;
    const char* effective_from;
};

class EveryLineTest : public EnrolmentTest, public ::testing::WithParamInterface<LineCase> {};

// A permit of the line's basis and sequence, valid two years around effective_from, is
// not enrolled the day before the line comes into force and is enrolled on that day.
TEST_P(EveryLineTest, EnrolsFromEffectiveFromNotTheDayBefore) {
    const auto& c = GetParam();
    PermitRow p;
    p.permit_id = "P-line";
    p.basis = c.basis;
    p.sequence = c.sequence;
    p.valid_from = iso_plus(c.effective_from, -30);
    p.decision_date = iso_plus(c.effective_from, -40);
    p.valid_until = iso_plus(c.effective_from, 700);
    p.company_id = "C-1";
    p.institution_id = "I-1";
    insert(conn(), p);
    run_on(conn(), iso_plus(c.effective_from, -1));
    EXPECT_EQ(line_of("P-line"), "none");
    run_on(conn(), c.effective_from);
    EXPECT_EQ(line_of("P-line"), c.line);
    EXPECT_EQ(enrolled_on("P-line"), c.effective_from);
}

INSTANTIATE_TEST_SUITE_P(DefaultLines, EveryLineTest,
                         ::testing::Values(LineCase{"students-first", "student", "first", "2023-09-28"},
                                           LineCase{"growth-extended", "growth_entrepreneur", "extended", "2024-04-24"},
                                           LineCase{"growth-first", "growth_entrepreneur", "first", "2024-04-24"},
                                           LineCase{"specialist-extended", "specialist", "extended", "2024-06-17"},
                                           LineCase{"specialist-first", "specialist", "first", "2024-06-17"},
                                           LineCase{"employed-extended", "employed", "extended", "2025-01-20"},
                                           LineCase{"employed-first", "employed", "first", "2025-01-20"},
                                           LineCase{"self-employed-extended", "self_employed", "extended",
                                                    "2026-01-01"},
                                           LineCase{"self-employed-first", "self_employed", "first", "2026-01-01"},
                                           LineCase{"other-work-extended", "other_work", "extended", "2026-01-01"},
                                           LineCase{"other-work-first", "other_work", "first", "2026-01-01"}),
                         [](const auto& info) {
                             std::string name = info.param.line;
                             for (auto& ch : name)
                                 if (ch == '-') ch = '_';
                             return name;
                         });

PermitRow specialist(const std::string& id, const std::string& seq, const std::string& from, const std::string& until) {
    PermitRow p;
    p.permit_id = id;
    p.person_id = "H-" + id;
    p.sequence = seq;
    p.decision_date = "2024-03-01";
    p.valid_from = from;
    p.valid_until = until;
    return p;
}

TEST_F(EnrolmentTest, SixMonthBoundaryOfExtendedPermitsIsInclusive) {
    insert(conn(), specialist("P-6m", "extended", "2024-03-15", "2024-09-14"));    // exactly 6 months
    insert(conn(), specialist("P-6m-1", "extended", "2024-03-15", "2024-09-13"));  // one day short
    run_on(conn(), "2024-06-17");
    EXPECT_EQ(line_of("P-6m"), "specialist-extended");
    EXPECT_EQ(line_of("P-6m-1"), "none");
}

TEST_F(EnrolmentTest, TwelveMonthBoundaryOfFirstPermitsIsExclusive) {
    insert(conn(), specialist("P-12m", "first", "2024-03-15", "2025-03-14"));    // exactly 12: not more
    insert(conn(), specialist("P-12m+1", "first", "2024-03-15", "2025-03-15"));  // one day more
    run_on(conn(), "2024-06-17");
    EXPECT_EQ(line_of("P-12m"), "none");
    EXPECT_EQ(line_of("P-12m+1"), "specialist-first");
}

TEST_F(EnrolmentTest, LeapDayStartClampsToTheEndOfFebruary) {
    PermitRow a = specialist("P-leap-short", "first", "2024-02-29", "2025-02-27");
    a.basis = "growth_entrepreneur";
    a.company_id = "C-1";
    PermitRow b = a;
    b.permit_id = "P-leap-long";
    b.valid_until = "2025-02-28";
    insert(conn(), a);
    insert(conn(), b);
    run_on(conn(), "2024-04-24");
    EXPECT_EQ(line_of("P-leap-short"), "none");
    EXPECT_EQ(line_of("P-leap-long"), "growth-first");
}

TEST_F(EnrolmentTest, ScopeDatesAreInclusive) {
    PermitRow before = specialist("P-dec-2022", "extended", "2024-01-01", "2025-12-31");
    before.decision_date = "2022-12-31";
    PermitRow on = before;
    on.permit_id = "P-dec-2023";
    on.person_id = "H-dec-2023";  // one person's two overlapping permits: one is rejected (rules.md §8)
    on.decision_date = "2023-01-01";
    PermitRow student_before;
    student_before.permit_id = "P-stu-0531";
    student_before.basis = "student";
    student_before.sequence = "first";
    student_before.institution_id = "I-1";
    student_before.valid_from = "2022-05-31";
    student_before.decision_date = "2022-05-01";
    student_before.valid_until = "2024-12-31";
    PermitRow student_on = student_before;
    student_on.permit_id = "P-stu-0601";
    student_on.person_id = "H-stu-0601";
    student_on.valid_from = "2022-06-01";
    for (const auto& p : {before, on, student_before, student_on}) insert(conn(), p);
    run_on(conn(), "2024-06-17");
    EXPECT_EQ(line_of("P-dec-2022"), "none");
    EXPECT_EQ(line_of("P-dec-2023"), "specialist-extended");
    EXPECT_EQ(line_of("P-stu-0531"), "none");
    EXPECT_EQ(line_of("P-stu-0601"), "students-first");
}

TEST_F(EnrolmentTest, ValidityIsInclusiveAtBothEnds) {
    insert(conn(), specialist("P-starts", "extended", "2024-07-01", "2025-06-30"));
    insert(conn(), specialist("P-ends", "extended", "2023-12-01", "2024-06-30"));
    run_on(conn(), "2024-06-30");
    EXPECT_EQ(line_of("P-starts"), "none");
    EXPECT_EQ(line_of("P-ends"), "specialist-extended");
    run_on(conn(), "2024-07-01");
    EXPECT_EQ(line_of("P-starts"), "specialist-extended");
    EXPECT_EQ(enrolled_on("P-starts"), "2024-07-01");
}

TEST_F(EnrolmentTest, RevokedPermitCountsAsGrantedBeforeItsStatusDate) {
    PermitRow later = specialist("P-rev-later", "extended", "2024-01-01", "2025-12-31");
    later.status = "revoked";
    later.status_date = "2024-06-18";
    PermitRow on_day = later;
    on_day.permit_id = "P-rev-today";
    on_day.status_date = "2024-06-17";
    PermitRow withdrawn = later;
    withdrawn.permit_id = "P-wd-today";
    withdrawn.status = "withdrawn";
    withdrawn.status_date = "2024-06-17";
    for (const auto& p : {later, on_day, withdrawn}) insert(conn(), p);
    run_on(conn(), "2024-06-17");
    EXPECT_EQ(line_of("P-rev-later"), "specialist-extended");
    EXPECT_EQ(line_of("P-rev-today"), "none");
    EXPECT_EQ(line_of("P-wd-today"), "none");
}

TEST_F(EnrolmentTest, DeceasedHolderIsNotEnrolled) {
    insert(conn(), specialist("P-dead", "extended", "2024-01-01", "2025-12-31"));
    insert(conn(), specialist("P-alive", "extended", "2024-01-01", "2025-12-31"));
    insert(conn(), EventRow{"EV-1", std::string("H-P-dead"), std::string("deceased"), std::string("2024-06-17")});
    insert(conn(), EventRow{"EV-2", std::string("H-P-alive"), std::string("deceased"), std::string("2024-06-18")});
    run_on(conn(), "2024-06-17");
    EXPECT_EQ(line_of("P-dead"), "none");
    EXPECT_EQ(line_of("P-alive"), "specialist-extended");
}

TEST_F(EnrolmentTest, BasesWithoutALineAreNeverEnrolled) {
    PermitRow family = specialist("P-family", "extended", "2024-01-01", "2025-12-31");
    family.basis = "family";
    insert(conn(), family);
    run_on(conn(), "2026-06-01");
    EXPECT_EQ(line_of("P-family"), "none");
}

TEST_F(EnrolmentTest, EnrolmentIsKeptWithItsFirstDay) {
    insert(conn(), specialist("P-1", "extended", "2024-01-01", "2025-12-31"));
    run_on(conn(), "2024-06-17");
    const auto second = run_on(conn(), "2024-06-18");
    EXPECT_EQ(enrolled_on("P-1"), "2024-06-17");
    EXPECT_EQ(second.counts["enrolled"].get<long long>(), 0);
    EXPECT_EQ(second.counts["evaluated"].get<long long>(), 1);
}

TEST_F(EnrolmentTest, FirstMatchingLineInConfigurationOrderWins) {
    std::ifstream in(source_path("config/supervision.yaml"));
    std::stringstream text;
    text << in.rdbuf();
    std::string yaml = text.str();
    // A catch-all line for specialists placed first: it must take the permit.
    const std::string anchor = "coverage_lines:\n";
    const auto at = yaml.find(anchor);
    ASSERT_NE(at, std::string::npos);
    yaml.insert(at + anchor.size(),
                "  - id: all-specialists\n    effective_from: 2024-06-17\n    bases: [specialist]\n"
                "    sequence: extended\n    validity: {at_least_months: 1}\n"
                "    scope: {decision_date_on_or_after: 2000-01-01}\n");
    const auto cfg = config::load_config_text(yaml, "test.yaml");
    insert(conn(), specialist("P-1", "extended", "2024-01-01", "2025-12-31"));
    run_on(conn(), cfg, "2024-06-17");
    EXPECT_EQ(line_of("P-1"), "all-specialists");
}

}  // namespace
}  // namespace supervision::test
