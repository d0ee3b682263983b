// The standing bad input corpus (rules.md §8, docs/reliability.md): every kind of bad row of
// the corpus (bad_input_corpus.h) and the keying errors that would stop or mislead a run
// (dates that are no calendar day, padded and empty ids, composite keys with '/', a pay
// period's hours), loaded together into one set of registers beside a realistic set of
// good rows, some of them bad rows of the good persons. Two databases: one with the good
// rows alone, one with the bad rows too. Two nights each: every run succeeds, every bad row
// is listed with its reason and nothing else is, and the good rows are decided exactly as
// on their own (enrolments, signals with their evidence, reviews, backlog).
#include "db/bad_input_corpus.h"

#include "support/outcome.h"
#include "support/registry_builder.h"
#include "support/run_helpers.h"
#include "support/signal_queries.h"
#include "support/test_database.h"

#include <set>

namespace supervision::test {
namespace {

IncomeRow income(const std::string& id, const std::string& person, const std::string& from, const std::string& to,
                 const std::string& amount, const Text& hours = std::nullopt) {
    return IncomeRow{id, person, std::string("E-1"), from, to, amount, hours};
}

// Whole-month records of `amount` for the months from..to of 2024.
void monthly(pqxx::connection& c, const std::string& person, int from, int to, const std::string& amount) {
    static const char* ends[] = {"", "31", "29", "31", "30", "31", "30"};
    for (int m = from; m <= to; ++m) {
        const std::string month = "2024-0" + std::to_string(m);
        insert(c,
               income("R-" + person + "-" + std::to_string(m), person, month + "-01", month + "-" + ends[m], amount));
    }
}

PermitRow permit(const std::string& id, const std::string& person, const std::string& basis,
                 const std::string& sequence, const std::string& decided, const std::string& from,
                 const std::string& until) {
    PermitRow p;
    p.permit_id = id;
    p.person_id = person;
    p.basis = basis;
    p.sequence = sequence;
    p.decision_date = decided;
    p.valid_from = from;
    p.valid_until = until;
    if (basis == "student") {
        p.employer_id = std::nullopt;
        p.institution_id = "I-g";
    }
    return p;
}

void studies(pqxx::connection& c, const std::string& person) {
    insert(c, StudyRow{person, "I-g", "2023-08-01", std::string("2023-12-31"), std::string("present"),
                       std::string("30.0")});
    insert(c, StudyRow{person, "I-g", "2024-01-01", std::string("2024-07-31"), std::string("present"),
                       std::string("20.0")});
}

// The good registers: eight persons, each a case the signals look at.
void load_good(pqxx::connection& c) {
    // H-g1: a specialist paid well, with a bonus over a year (2 000 h in 366 days).
    insert(c, permit("P-g1", "H-g1", "specialist", "extended", "2023-12-01", "2024-01-01", "2026-12-31"));
    monthly(c, "H-g1", 1, 6, "4500.00");
    insert(c, income("R-g1-bonus", "H-g1", "2023-07-01", "2024-06-30", "6000.00", std::string("2000")));
    // H-g2: a specialist paid in January and February only: no_income.
    insert(c, permit("P-g2", "H-g2", "specialist", "extended", "2023-12-01", "2024-01-01", "2025-12-31"));
    monthly(c, "H-g2", 1, 2, "2000.00");
    // H-g3: a specialist paid below the requirement: income_below_requirement.
    insert(c, permit("P-g3", "H-g3", "specialist", "extended", "2023-12-01", "2024-01-01", "2026-12-31"));
    monthly(c, "H-g3", 1, 6, "3000.00");
    // H-g4: a student with 1 600 h in one record over five months: student_work_hours_exceeded.
    insert(c, permit("P-g4", "H-g4", "student", "first", "2023-06-01", "2023-08-01", "2025-07-31"));
    studies(c, "H-g4");
    insert(c, income("R-g4-spring", "H-g4", "2024-01-01", "2024-05-31", "8000.00", std::string("1600")));
    // H-g5: a growth entrepreneur whose company went bankrupt: company_inactive.
    insert(c, growth_extended("P-g5", "H-g5", "C-g5"));
    insert(c, CompanyStatusRow{"C-g5", std::string("active"), "2020-01-01"});
    insert(c, CompanyStatusRow{"C-g5", std::string("bankrupt"), "2024-06-10"});
    // H-g6: a specialist employed until 2024-03-31, nothing since: employment_ended.
    insert(c, permit("P-g6", "H-g6", "specialist", "extended", "2023-12-01", "2024-01-01", "2025-12-31"));
    monthly(c, "H-g6", 1, 3, "3000.00");
    insert(c, NoticeRow{"N-g6", std::string("H-g6"), std::string("E-1"), std::string("2024-03-31")});
    // H-g7: a specialist who emigrated: emigrated.
    insert(c, permit("P-g7", "H-g7", "specialist", "extended", "2023-12-01", "2024-01-01", "2026-12-31"));
    monthly(c, "H-g7", 1, 6, "4500.00");
    insert(c, event("V-g7", "emigrated", "2024-05-10", "H-g7"));
    // H-g8: a student on basic social assistance: social_assistance.
    insert(c, permit("P-g8", "H-g8", "student", "first", "2023-06-01", "2023-08-01", "2025-07-31"));
    studies(c, "H-g8");
    insert(c, BenefitRow{"B-g8", std::string("H-g8"), std::string("basic_social_assistance"), std::string("2024-05-01"),
                         std::string("2024-05-31"), std::string("400.00")});
}

std::string tag_of(std::size_t i) {
    return "-" + std::to_string(i);
}

// The rows the corpus judges its bad rows against: good rows, in both databases.
void load_companions(pqxx::connection& c) {
    const auto& corpus = bad_input_corpus();
    for (std::size_t i = 0; i < corpus.size(); ++i) {
        if (corpus[i].companion) corpus[i].companion(c, tag_of(i));
    }
}

struct Listed {
    std::string source, key, reason;
};

// The bad rows: the corpus, and keying errors in and beside the good persons' rows.
std::vector<Listed> load_bad(pqxx::connection& c) {
    std::vector<Listed> listed;
    const auto& corpus = bad_input_corpus();
    for (std::size_t i = 0; i < corpus.size(); ++i) {
        corpus[i].insert(c, tag_of(i));
        listed.push_back({corpus[i].source, tagged(corpus[i].key, tag_of(i)), corpus[i].reason});
    }
    auto study = [&](const std::string& person, const std::string& institution, const std::string& key) {
        insert(c, StudyRow{person, institution, "2024-01-01", std::string("2024-07-31"), std::string("exchange"),
                           std::string("5.0")});
        listed.push_back({"study_record", key, "unknown enrolment"});
    };
    // Composite keys that joined unescaped would be the same.
    study("H-s/1", "I-1", "H-s%2F1/I-1/2024-01-01");
    study("H-s", "1/I-1", "H-s/1%2FI-1/2024-01-01");
    study("H%2F", "I-1", "H%252F/I-1/2024-01-01");
    study("H/", "I-1", "H%2F/I-1/2024-01-01");
    // Padded ids of the good persons: other persons, if taken as they stand.
    const std::string padded = "person_id has leading or trailing white space";
    for (const auto& [id, person] : std::vector<std::pair<std::string, std::string>>{
             {"P-pad-1", "H-g1 "}, {"P-pad-2", "   "}, {"P-pad-3", "\t"}, {"P-pad-4", "\xc2\xa0H-g2"}}) {
        insert(c, permit(id, person, "specialist", "extended", "2023-12-01", "2024-01-01", "2026-12-31"));
        listed.push_back({"permit", id, padded});
    }
    insert(c, income("R-pad", " H-g2", "2024-04-01", "2024-04-30", "3000.00"));
    listed.push_back({"income_record", "R-pad", padded});
    // Bad rows of the good persons, each of which would change a decision if it counted.
    insert(c, event("V-g1-dead", "deceased", "-infinity", "H-g1"));
    listed.push_back({"population_event", "V-g1-dead", "event_date is not a calendar day"});
    insert(c, BenefitRow{"B-g1", std::string("H-g1"), std::string("basic_social_assistance"), std::string("-infinity"),
                         std::string("2024-05-31"), std::string("400.00")});
    listed.push_back({"benefit_payment", "B-g1", "period_start is not a calendar day"});
    insert(c, income("R-g2-inf", "H-g2", "2024-04-01", "infinity", "3000.00"));
    listed.push_back({"income_record", "R-g2-inf", "period_end is not a calendar day"});
    insert(c, permit("P-g3-inf", "H-g3", "specialist", "extended", "2022-12-01", "2023-01-01", "infinity"));
    listed.push_back({"permit", "P-g3-inf", "valid_until is not a calendar day"});
    // 153 days: at most 3 672 h.
    insert(c, income("R-g4-long", "H-g4", "2023-09-01", "2024-01-31", "9000.00", std::string("3672.01")));
    listed.push_back({"income_record", "R-g4-long", "hours above 24 a day of the period"});
    insert(c, StudyRow{"H-g4", "I-g ", "2024-01-01", std::string("2024-07-31"), std::string("absent"),
                       std::string("0.0")});
    listed.push_back({"study_record", "H-g4/I-g /2024-01-01", "institution_id has leading or trailing white space"});
    insert(c, CompanyStatusRow{"C-g5", std::string("active"), "infinity"});
    listed.push_back({"company_status", "C-g5/infinity", "status_date is not a calendar day"});
    insert(c, NoticeRow{"N-g7", std::string("H-g7"), std::string("E-1"), std::string("-infinity")});
    listed.push_back({"employment_notice", "N-g7", "employment_ended_on is not a calendar day"});
    return listed;
}

std::set<std::string> rejected_rows(pqxx::connection& c) {
    pqxx::read_transaction tx(c);
    std::set<std::string> rows;
    for (const auto& r :
         tx.exec("SELECT source || ' | ' || source_key || ' | ' || reason FROM supervision.rejected_row")) {
        rows.insert(r[0].as<std::string>());
    }
    return rows;
}

long long count_of(pqxx::connection& c, const std::string& sql) {
    pqxx::read_transaction tx(c);
    return tx.exec1(sql)[0].as<long long>();
}

using BadInputStandingTest = DbTest;

TEST_F(BadInputStandingTest, EveryBadRowTogetherIsRejectedAndTheGoodRowsAreDecidedAsOnTheirOwn) {
    auto good = std::make_unique<pqxx::connection>(TestDatabase::instance().sibling("good_alone"));
    truncate_tables(*good);
    pqxx::connection& mixed = conn();
    for (pqxx::connection* c : {good.get(), &mixed}) {
        load_good(*c);
        load_companions(*c);
    }
    const auto listed = load_bad(mixed);
    std::set<std::string> expected;
    for (const auto& l : listed) expected.insert(l.source + " | " + l.key + " | " + l.reason);
    ASSERT_EQ(expected.size(), listed.size()) << "each bad row is listed under a key and reason of its own";

    for (const auto& [as_of, complete] : {std::pair<const char*, const char*>{"2024-06-17", "2024-05-31"},
                                          std::pair<const char*, const char*>{"2024-07-01", "2024-06-30"}}) {
        SCOPED_TRACE(as_of);
        set_all_sources(*good, complete);
        set_all_sources(mixed, complete);
        const auto alone = run_on(*good, as_of);
        const auto together = run_on(mixed, as_of);
        EXPECT_EQ(count_of(mixed, "SELECT count(*) FROM supervision.run WHERE status = 'succeeded' AND run_id = " +
                                      std::to_string(together.run_id)),
                  1);

        const auto rejected = rejected_rows(mixed);
        for (const auto& e : expected) EXPECT_TRUE(rejected.count(e)) << "not rejected: " << e;
        for (const auto& r : rejected) EXPECT_TRUE(expected.count(r)) << "rejected, but not bad: " << r;
        EXPECT_TRUE(rejected_rows(*good).empty());
        std::set<std::string> rows;  // the run counts rows, not their reasons
        for (const auto& l : listed) rows.insert(l.source + " | " + l.key);
        EXPECT_EQ(together.counts["rejected_rows"].get<long long>(), static_cast<long long>(rows.size()));

        const Outcome a = outcome_of(*good);
        const Outcome b = outcome_of(mixed);
        EXPECT_EQ(b.enrolments, a.enrolments);
        EXPECT_EQ(b.signals, a.signals);
        EXPECT_EQ(b.reviews, a.reviews);
        EXPECT_EQ(b.backlog, a.backlog);
        EXPECT_EQ(alone.counts["evaluated"], together.counts["evaluated"]);
    }

    // The good rows raise what they are there to raise, so the comparison has something to
    // compare; none of the bad rows of their persons changed it.
    for (const auto& [permit_id, type] :
         std::vector<std::pair<const char*, const char*>>{{"P-g2", "no_income"},
                                                          {"P-g3", "income_below_requirement"},
                                                          {"P-g4", "student_work_hours_exceeded"},
                                                          {"P-g5", "company_inactive"},
                                                          {"P-g6", "employment_ended"},
                                                          {"P-g7", "emigrated"},
                                                          {"P-g8", "social_assistance"}}) {
        EXPECT_TRUE(open_signal(mixed, permit_id, type).has_value()) << permit_id << " " << type;
    }
    EXPECT_TRUE(signals_of(mixed, "P-g1", "social_assistance").empty());
    EXPECT_EQ(count_of(mixed,
                       "SELECT count(*) FROM supervision.supervised_permit WHERE ended_on IS NULL "
                       "AND permit_id IN ('P-g1', 'P-g3')"),
              2);
    EXPECT_GT(count_of(mixed, "SELECT count(*) FROM supervision.revocation_review"), 0);
}

}  // namespace
}  // namespace supervision::test
