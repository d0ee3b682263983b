// The bad input corpus (rules.md §8): every kind of bad register row the run knows, one
// test each. The row lands in supervision.rejected_row with its source, key and reason; a
// row it is compared with (the earlier of two duplicates or overlapping permits) is kept;
// the run goes on and enrols a good permit beside it. A last test reads the reasons out of
// the validation SQL: a new kind of rejection without a test here fails it. The same rows,
// all at once beside a realistic set of good ones, are the standing corpus
// (bad_input_standing_test.cpp). docs/reliability.md lists the corpus.
#include "db/bad_input_corpus.h"

#include "support/registry_builder.h"
#include "support/run_helpers.h"
#include "support/signal_queries.h"
#include "support/test_database.h"
#include "support/validation_reasons.h"

#include <set>

namespace supervision::test {
namespace {

constexpr const char* kAsOf = "2024-06-17";

class BadInputTest : public DbTest, public ::testing::WithParamInterface<BadRow> {
protected:
    std::string reasons(const std::string& source, const std::string& key) {
        pqxx::read_transaction tx(conn());
        return tx
            .exec_params1(
                "SELECT coalesce(string_agg(reason, '; ' ORDER BY reason), 'none') "
                "FROM supervision.rejected_row WHERE source = $1 AND source_key = $2",
                source, key)[0]
            .as<std::string>();
    }
    long long enrolments(const std::string& permit_id) {
        pqxx::read_transaction tx(conn());
        return tx.exec_params1("SELECT count(*) FROM supervision.supervised_permit WHERE permit_id = $1", permit_id)[0]
            .as<long long>();
    }
};

TEST_P(BadInputTest, RowIsRejectedWithItsReasonAndTheRunGoesOn) {
    const BadRow& bad = GetParam();
    PermitRow good;
    good.permit_id = "P-good";
    good.person_id = "H-good";
    insert(conn(), good);
    set_all_sources(conn(), "2024-05-31");
    if (bad.companion) bad.companion(conn(), "");
    bad.insert(conn(), "");

    const auto r = run_on(conn(), kAsOf);

    const std::string key = tagged(bad.key, "");
    EXPECT_EQ(reasons(bad.source, key), bad.reason);
    if (!bad.kept_key.empty()) EXPECT_EQ(reasons(bad.source, tagged(bad.kept_key, "")), "none");
    EXPECT_EQ(count("SELECT count(*) FROM supervision.rejected_row"), 1) << "only the bad row is rejected";
    EXPECT_EQ(r.counts["rejected_rows_by_source"][bad.source].get<long long>(), 1);
    EXPECT_EQ(scalar("SELECT status FROM supervision.run WHERE run_id = " + std::to_string(r.run_id)), "succeeded");
    EXPECT_EQ(enrolments("P-good"), 1) << "the run goes on";
    if (std::string(bad.source) == "permit") EXPECT_EQ(enrolments(key), 0);
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadInputTest, ::testing::ValuesIn(bad_input_corpus()),
                         [](const auto& info) { return std::string(info.param.name); });

class BadInputEdgeTest : public BadInputTest {};

// Not overlapping: an extension from the day after, a permit withdrawn before the next one
// starts, another basis. No error: an extension starting before the first permit ends.
// The same start: the one decided later is rejected.
TEST_F(BadInputEdgeTest, OverlapIsJudgedOnTheDaysInForce) {
    auto permit = [&](const char* id, const char* basis, const char* decided, const char* from, const char* until) {
        PermitRow p;
        p.permit_id = id;
        p.basis = basis;
        p.decision_date = decided;
        p.valid_from = from;
        p.valid_until = until;
        if (std::string(basis) == "student") p.institution_id = "I-1";
        insert(conn(), p);
    };
    permit("P-1", "specialist", "2023-01-01", "2023-01-01", "2024-01-31");
    permit("P-2", "specialist", "2024-01-15", "2024-02-01", "2026-01-31");  // the day after P-1
    permit("P-3", "employed", "2024-01-15", "2024-02-01", "2026-01-31");    // another basis
    permit("P-4", "researcher", "2023-01-01", "2023-01-01", "2025-12-31");
    exec(conn(), "UPDATE registry.permit SET status = 'withdrawn', status_date = '2024-03-01' WHERE permit_id = 'P-4'");
    permit("P-5", "researcher", "2024-02-20", "2024-03-01", "2026-02-28");  // from the withdrawal on
    permit("P-6", "family", "2024-01-01", "2024-02-01", "2025-01-31");
    permit("P-7", "family", "2024-01-10", "2024-02-01", "2025-01-31");  // same days, decided later
    permit("P-8", "other_work", "2023-01-01", "2023-01-01", "2024-12-31");
    permit("P-9", "other_work", "2024-05-01", "2024-06-01", "2026-05-31");  // an extension, started early
    exec(conn(), "UPDATE registry.permit SET sequence = 'first' WHERE permit_id IN ('P-1', 'P-8')");
    run_on(conn(), kAsOf);
    EXPECT_EQ(
        scalar(
            "SELECT string_agg(source_key || ': ' || reason, '; ' ORDER BY source_key) FROM supervision.rejected_row"),
        "P-7: overlaps an earlier permit of the same basis and sequence");
}

// Ties in the order of permits (valid_from, decision_date, permit_id): on the same start and
// decision day the greater id is the later; a permit without a decision date orders neither
// way against one of the same start (it is rejected for its missing date only), but is
// earlier than any that starts after it.
TEST_F(BadInputEdgeTest, OverlapTiesAreOrderedByDecisionThenId) {
    auto permit = [&](const char* id, const char* person, const char* decided, const char* from) {
        PermitRow p;
        p.permit_id = id;
        p.person_id = person;
        p.decision_date = decided;
        p.valid_from = from;
        p.valid_until = "2025-12-31";
        insert(conn(), p);
    };
    permit("P-a1", "H-a", "2024-01-10", "2024-02-01");
    permit("P-a2", "H-a", "2024-01-10", "2024-02-01");  // the same days: the greater id is rejected
    permit("P-b1", "H-b", "2024-01-10", "2024-02-01");
    permit("P-b2", "H-b", "2024-01-10", "2024-02-01");
    exec(conn(), "UPDATE registry.permit SET decision_date = NULL WHERE permit_id = 'P-b2'");
    permit("P-b3", "H-b", "2024-01-20", "2024-03-01");  // starts later: overlaps both
    run_on(conn(), kAsOf);
    EXPECT_EQ(scalar("SELECT string_agg(source_key || ': ' || reason, '; ' ORDER BY source_key, reason) "
                     "FROM supervision.rejected_row"),
              "P-a2: overlaps an earlier permit of the same basis and sequence; "
              "P-b2: decision_date missing; "
              "P-b3: overlaps an earlier permit of the same basis and sequence");
}

// A row rejected for its key is no earlier copy: a permit whose validity never ends
// ('infinity') does not make the next permit of its holder an overlap, an event with an
// empty id is no earlier copy of the same event, nor a death dated '-infinity' a death
// before the events that follow it, and a notice with an empty employer_id is no copy of
// one without an employer.
TEST_F(BadInputEdgeTest, ARowRejectedForItsKeyIsNoCopyToCompareWith) {
    PermitRow endless;
    endless.permit_id = "P-0";
    endless.valid_from = "2023-01-01";
    endless.valid_until = "infinity";
    insert(conn(), endless);
    insert(conn(), PermitRow{});  // P-1 of H-1, from 2024-01-01: the same basis and sequence
    insert(conn(), event("", "emigrated", "2024-03-01"));
    insert(conn(), event("V-1", "emigrated", "2024-03-01"));
    insert(conn(), event("V-dead", "deceased", "-infinity"));
    insert(conn(), event("V-2", "returned", "2024-04-01"));
    insert(conn(), NoticeRow{"N-0", std::string("H-1"), std::string(""), std::string("2024-05-15")});
    insert(conn(), NoticeRow{"N-1", std::string("H-1"), std::nullopt, std::string("2024-05-15")});
    set_all_sources(conn(), "2024-05-31");
    run_on(conn(), kAsOf);
    EXPECT_EQ(scalar("SELECT string_agg(source || ' ' || source_key || ': ' || reason, '; ' "
                     "ORDER BY source, source_key, reason) FROM supervision.rejected_row"),
              "employment_notice N-0: employer_id empty; "
              "permit P-0: valid_until is not a calendar day; "
              "population_event : event_id empty; "
              "population_event V-dead: event_date is not a calendar day");
    EXPECT_EQ(enrolments("P-1"), 1);
}

// A composite key's parts are joined with '/', each with '%' written '%25' and '/' written
// '%2F': two different rows never share a key, so both are listed, and the statements that
// look a rejection up by its key (study_inactive here) do not take a good row of another
// person for a rejected one.
TEST_F(BadInputEdgeTest, CompositeKeysOfDifferentRowsDiffer) {
    PermitRow student;
    student.permit_id = "P-s";
    student.person_id = "H-s";
    student.basis = "student";
    student.sequence = "first";
    student.decision_date = "2024-06-01";
    student.valid_from = "2024-08-01";
    student.valid_until = "2026-07-31";
    student.employer_id = std::nullopt;
    student.institution_id = "1/I-1";
    insert(conn(), student);
    // H-s studies at 1/I-1 in spring 2025 (the first term evaluated); the three others are bad.
    insert(conn(), StudyRow{"H-s", "1/I-1", "2025-01-01", std::string("2025-07-31"), std::string("present"),
                            std::string("30.0")});
    insert(conn(), StudyRow{"H-s/1", "I-1", "2025-01-01", std::string("2025-07-31"), std::string("exchange"),
                            std::string("30.0")});
    insert(conn(), StudyRow{"H%2F", "I-1", "2025-01-01", std::string("2025-07-31"), std::string("exchange"),
                            std::string("30.0")});
    insert(conn(), StudyRow{"H/", "I-1", "2025-01-01", std::string("2025-07-31"), std::string("exchange"),
                            std::string("30.0")});
    set_all_sources(conn(), "2025-07-31");
    run_on(conn(), "2025-08-01");
    EXPECT_EQ(scalar("SELECT string_agg(source_key || ': ' || reason, '; ' ORDER BY source_key) "
                     "FROM supervision.rejected_row"),
              "H%252F/I-1/2025-01-01: unknown enrolment; H%2F/I-1/2025-01-01: unknown enrolment; "
              "H-s%2F1/I-1/2025-01-01: unknown enrolment");
    EXPECT_TRUE(signals_of(conn(), "P-s", "study_inactive").empty()) << "H-s's record counts";
}

// rules.md §1: rows dated after as_of are not errors; they are only not visible yet. So a
// future income, a death after as_of and a decision after as_of are neither rejected nor
// used (the permit stays supervised).
TEST_F(BadInputEdgeTest, RowsDatedAfterAsOfAreIgnoredNotRejected) {
    insert(conn(), PermitRow{});
    PermitRow later;
    later.permit_id = "P-2";
    later.person_id = "H-2";
    later.decision_date = "2024-07-01";
    later.valid_from = "2024-07-01";
    insert(conn(), later);
    insert(conn(), IncomeRow{"IR-future", std::string("H-1"), std::string("E-1"), std::string("2024-07-01"),
                             std::string("2024-07-31"), std::string("4000.00"), std::nullopt});
    insert(conn(), EventRow{"V-future", std::string("H-1"), std::string("deceased"), std::string("2024-08-01")});
    set_all_sources(conn(), "2024-05-31");
    run_on(conn(), kAsOf);
    EXPECT_EQ(count("SELECT count(*) FROM supervision.rejected_row"), 0);
    EXPECT_EQ(
        scalar("SELECT coalesce(end_reason, 'supervised') FROM supervision.supervised_permit WHERE permit_id = 'P-1'"),
        "supervised");
}

// Every reason the validation SQL can give has a case in the corpus above.
TEST(BadInputCorpus, EveryReasonOfTheValidationSqlHasATest) {
    std::set<std::string> tested;
    for (const auto& c : bad_input_corpus()) tested.insert(std::string(c.source) + ": " + c.reason);
    const auto in_sql = validation_reasons();
    for (const auto& r : in_sql) EXPECT_TRUE(tested.count(r)) << "no test for " << r;
    for (const auto& r : tested) EXPECT_TRUE(in_sql.count(r)) << "not in the SQL: " << r;
    EXPECT_GE(in_sql.size(), 30u);
    std::printf("bad input corpus: %zu kinds of bad rows over 7 registers, %zu rows\n", in_sql.size(),
                bad_input_corpus().size());
}

}  // namespace
}  // namespace supervision::test
