// Issue 6, bad input corpus (rules.md §8): every kind of bad register row the run knows,
// one test each. The row lands in supervision.rejected_row with its source, key and
// reason; a row it is compared with (the earlier of two duplicates or overlapping
// permits) is kept; the run goes on and enrols a good permit beside it. A last test reads
// the reasons out of the validation SQL: a new kind of rejection without a test here
// fails it. docs/reliability.md lists the corpus.
#include "support/registry_builder.h"
#include "support/run_helpers.h"
#include "support/test_database.h"

#include <fstream>
#include <functional>
#include <regex>
#include <set>
#include <sstream>

namespace supervision::test {
namespace {

constexpr const char* kAsOf = "2024-06-17";

struct BadRow {
    const char* name;
    const char* source;
    const char* key;
    const char* reason;
    std::function<void(pqxx::connection&)> insert;
    const char* kept_key = nullptr;  // a row of the same source that must not be rejected
};

class BadInputTest : public DbTest, public ::testing::WithParamInterface<BadRow> {
protected:
    std::string reasons(const std::string& source, const std::string& key) {
        pqxx::read_transaction tx(conn());
        return tx.exec_params1("SELECT coalesce(string_agg(reason, '; ' ORDER BY reason), 'none') "
                               "FROM supervision.rejected_row WHERE source = $1 AND source_key = $2",
                               source, key)[0]
            .as<std::string>();
    }
};

PermitRow bad_permit() {
    PermitRow p;
    p.permit_id = "P-bad";
    p.person_id = "H-bad";
    return p;
}
IncomeRow bad_income() {
    return IncomeRow{"IR-bad", std::string("H-1"), std::string("E-1"), std::string("2024-05-01"),
                     std::string("2024-05-31"), std::string("4000.00"), std::string("160")};
}
StudyRow study() {
    return StudyRow{"H-1", "I-1", "2024-01-01", std::string("2024-07-31"), std::string("present"), std::string("25.0")};
}
BenefitRow benefit() {
    return BenefitRow{"B-bad", std::string("H-1"), std::string("basic_social_assistance"), std::string("2024-05-01"),
                      std::string("2024-05-31"), std::string("500.00")};
}
NoticeRow notice(const std::string& id) {
    return NoticeRow{id, std::string("H-1"), std::string("E-1"), std::string("2024-05-15")};
}

template <typename F>
std::function<void(pqxx::connection&)> permit_with(F spoil) {
    return [spoil](pqxx::connection& c) {
        PermitRow p = bad_permit();
        spoil(p);
        insert(c, p);
    };
}
template <typename F>
std::function<void(pqxx::connection&)> income_with(F spoil) {
    return [spoil](pqxx::connection& c) {
        IncomeRow r = bad_income();
        spoil(r);
        insert(c, r);
    };
}
template <typename F>
std::function<void(pqxx::connection&)> study_with(F spoil) {
    return [spoil](pqxx::connection& c) {
        StudyRow s = study();
        spoil(s);
        insert(c, s);
    };
}
template <typename F>
std::function<void(pqxx::connection&)> benefit_with(F spoil) {
    return [spoil](pqxx::connection& c) {
        BenefitRow b = benefit();
        spoil(b);
        insert(c, b);
    };
}

const BadRow kCorpus[] = {
    // permit
    {"permit_person_missing", "permit", "P-bad", "person_id missing", permit_with([](PermitRow& p) { p.person_id.reset(); })},
    {"permit_unknown_basis", "permit", "P-bad", "unknown basis", permit_with([](PermitRow& p) { p.basis = "tourist"; })},
    {"permit_unknown_sequence", "permit", "P-bad", "unknown sequence", permit_with([](PermitRow& p) { p.sequence = "third"; })},
    {"permit_unknown_status", "permit", "P-bad", "unknown status", permit_with([](PermitRow& p) { p.status = "pending"; })},
    {"permit_decision_missing", "permit", "P-bad", "decision_date missing",
     permit_with([](PermitRow& p) { p.decision_date.reset(); })},
    {"permit_validity_missing", "permit", "P-bad", "validity dates missing",
     permit_with([](PermitRow& p) { p.valid_from.reset(); })},
    {"permit_reversed_validity", "permit", "P-bad", "valid_until before valid_from",
     permit_with([](PermitRow& p) { p.valid_until = "2023-12-31"; })},
    {"permit_revoked_without_date", "permit", "P-bad", "revoked or withdrawn without status_date",
     permit_with([](PermitRow& p) { p.status = "withdrawn"; })},
    {"permit_entrepreneur_without_company", "permit", "P-bad", "entrepreneur permit without company_id",
     permit_with([](PermitRow& p) { p.basis = "growth_entrepreneur"; p.company_id = ""; })},
    {"permit_student_without_institution", "permit", "P-bad", "student permit without institution_id",
     permit_with([](PermitRow& p) { p.basis = "student"; p.sequence = "first"; })},
    {"permit_negative_requirement", "permit", "P-bad", "negative required_monthly_income",
     permit_with([](PermitRow& p) { p.required_monthly_income = "-100.00"; })},
    {"permit_decided_after_validity", "permit", "P-bad", "decision_date after valid_until",
     permit_with([](PermitRow& p) { p.valid_from = "2023-01-01"; p.valid_until = "2023-12-31"; })},
    {"permit_status_before_decision", "permit", "P-bad", "status_date before decision_date",
     permit_with([](PermitRow& p) { p.status = "revoked"; p.status_date = "2023-12-01"; })},
    {"permit_decided_after_recorded", "permit", "P-bad", "decision_date after updated_at",
     [](pqxx::connection& c) {
         insert(c, bad_permit());
         exec(c, "UPDATE registry.permit SET updated_at = '2023-12-31 12:00+02' WHERE permit_id = 'P-bad'");
     }},
    {"permit_overlapping_same_basis", "permit", "P-bad", "overlaps an earlier permit of the same basis and sequence",
     [](pqxx::connection& c) {
         PermitRow first = bad_permit();
         first.permit_id = "P-first";
         insert(c, first);  // 2024-01-01 … 2026-12-31
         PermitRow later = bad_permit();
         later.decision_date = "2024-05-02";
         later.valid_from = "2024-06-01";
         later.valid_until = "2027-05-31";
         insert(c, later);
     },
     "P-first"},
    // income_record
    {"income_person_missing", "income_record", "IR-bad", "person_id missing",
     income_with([](IncomeRow& r) { r.person_id = ""; })},
    {"income_period_missing", "income_record", "IR-bad", "period dates missing",
     income_with([](IncomeRow& r) { r.period_end.reset(); })},
    {"income_reversed_period", "income_record", "IR-bad", "period_end before period_start",
     income_with([](IncomeRow& r) { r.period_start = "2024-06-01"; })},
    {"income_amount_missing", "income_record", "IR-bad", "gross_amount missing",
     income_with([](IncomeRow& r) { r.gross_amount.reset(); })},
    {"income_negative_amount", "income_record", "IR-bad", "negative gross_amount",
     income_with([](IncomeRow& r) { r.gross_amount = "-400.00"; })},
    {"income_negative_hours", "income_record", "IR-bad", "negative hours", income_with([](IncomeRow& r) { r.hours = "-1"; })},
    {"income_hours_above_744", "income_record", "IR-bad", "hours above 744 in one record",
     income_with([](IncomeRow& r) { r.hours = "1600"; })},
    // population_event
    {"event_person_missing", "population_event", "V-bad", "person_id missing",
     [](pqxx::connection& c) {
         EventRow e = event("V-bad", "registered", "2024-01-05");
         e.person_id.reset();
         insert(c, e);
     }},
    {"event_unknown_type", "population_event", "V-bad", "unknown event_type",
     [](pqxx::connection& c) { insert(c, event("V-bad", "married", "2024-01-05")); }},
    {"event_date_missing", "population_event", "V-bad", "event_date missing",
     [](pqxx::connection& c) {
         EventRow e = event("V-bad", "emigrated", "2024-01-05");
         e.event_date.reset();
         insert(c, e);
     }},
    {"event_duplicate", "population_event", "V-bad", "duplicate event (same person, type and date)",
     [](pqxx::connection& c) {
         insert(c, event("V-a", "emigrated", "2024-03-01"));
         insert(c, event("V-bad", "emigrated", "2024-03-01"));
     },
     "V-a"},
    {"event_after_death", "population_event", "V-bad", "event after the person's death",
     [](pqxx::connection& c) {
         insert(c, event("V-a", "deceased", "2024-03-01"));
         insert(c, event("V-bad", "emigrated", "2024-04-01"));
     },
     "V-a"},
    // company_status
    {"company_unknown_status", "company_status", "C-1/2024-01-01", "unknown status",
     [](pqxx::connection& c) { insert(c, CompanyStatusRow{"C-1", std::string("dormant"), "2024-01-01"}); }},
    {"company_status_dated_after_received", "company_status", "C-1/2024-05-01", "status_date after received_at",
     [](pqxx::connection& c) {
         insert(c, CompanyStatusRow{"C-1", std::string("bankrupt"), "2024-05-01"});
         exec(c, "UPDATE registry.company_status SET received_at = '2024-04-20 09:00+03'");
     }},
    // study_record
    {"study_person_missing", "study_record", "/I-1/2024-01-01", "person_id missing",
     study_with([](StudyRow& s) { s.person_id = ""; })},
    {"study_term_end_missing", "study_record", "H-1/I-1/2024-01-01", "term_end missing",
     study_with([](StudyRow& s) { s.term_end.reset(); })},
    {"study_reversed_term", "study_record", "H-1/I-1/2024-01-01", "term_end before term_start",
     study_with([](StudyRow& s) { s.term_end = "2023-12-31"; })},
    {"study_unknown_enrolment", "study_record", "H-1/I-1/2024-01-01", "unknown enrolment",
     study_with([](StudyRow& s) { s.enrolment = "exchange"; })},
    {"study_negative_credits", "study_record", "H-1/I-1/2024-01-01", "negative credits",
     study_with([](StudyRow& s) { s.credits = "-5.0"; })},
    // benefit_payment
    {"benefit_person_missing", "benefit_payment", "B-bad", "person_id missing",
     benefit_with([](BenefitRow& b) { b.person_id.reset(); })},
    {"benefit_unknown_kind", "benefit_payment", "B-bad", "unknown benefit",
     benefit_with([](BenefitRow& b) { b.benefit = "housing_allowance"; })},
    {"benefit_period_missing", "benefit_payment", "B-bad", "period dates missing",
     benefit_with([](BenefitRow& b) { b.period_start.reset(); })},
    {"benefit_reversed_period", "benefit_payment", "B-bad", "period_end before period_start",
     benefit_with([](BenefitRow& b) { b.period_end = "2024-04-30"; })},
    {"benefit_amount_missing", "benefit_payment", "B-bad", "amount missing",
     benefit_with([](BenefitRow& b) { b.amount.reset(); })},
    {"benefit_negative_amount", "benefit_payment", "B-bad", "negative amount",
     benefit_with([](BenefitRow& b) { b.amount = "-250.00"; })},
    // employment_notice
    {"notice_person_missing", "employment_notice", "N-bad", "person_id missing",
     [](pqxx::connection& c) {
         NoticeRow n = notice("N-bad");
         n.person_id.reset();
         insert(c, n);
     }},
    {"notice_end_missing", "employment_notice", "N-bad", "employment_ended_on missing",
     [](pqxx::connection& c) {
         NoticeRow n = notice("N-bad");
         n.employment_ended_on.reset();
         insert(c, n);
     }},
    {"notice_duplicate", "employment_notice", "N-bad", "duplicate notice (same person, employer and date)",
     [](pqxx::connection& c) {
         insert(c, notice("N-a"));
         insert(c, notice("N-bad"));
     },
     "N-a"},
};

TEST_P(BadInputTest, RowIsRejectedWithItsReasonAndTheRunGoesOn) {
    PermitRow good;
    good.permit_id = "P-good";
    good.person_id = "H-good";
    insert(conn(), good);
    set_all_sources(conn(), "2024-05-31");
    GetParam().insert(conn());

    const auto r = run_on(conn(), kAsOf);

    EXPECT_EQ(reasons(GetParam().source, GetParam().key), GetParam().reason);
    if (GetParam().kept_key != nullptr) EXPECT_EQ(reasons(GetParam().source, GetParam().kept_key), "none");
    EXPECT_EQ(count("SELECT count(*) FROM supervision.rejected_row"), 1) << "only the bad row is rejected";
    EXPECT_EQ(r.counts["rejected_rows_by_source"][GetParam().source].get<long long>(), 1);
    EXPECT_EQ(scalar("SELECT status FROM supervision.run WHERE run_id = " + std::to_string(r.run_id)), "succeeded");
    EXPECT_EQ(count("SELECT count(*) FROM supervision.supervised_permit WHERE permit_id = 'P-good'"), 1)
        << "the run goes on";
    EXPECT_EQ(count("SELECT count(*) FROM supervision.supervised_permit WHERE permit_id = 'P-bad'"), 0);
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadInputTest, ::testing::ValuesIn(kCorpus),
                         [](const auto& info) { return std::string(info.param.name); });

class BadInputEdgeTest : public DbTest {};

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
    EXPECT_EQ(scalar("SELECT string_agg(source_key || ': ' || reason, '; ' ORDER BY source_key) FROM supervision.rejected_row"),
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
    EXPECT_EQ(scalar("SELECT coalesce(end_reason, 'supervised') FROM supervision.supervised_permit WHERE permit_id = 'P-1'"),
              "supervised");
}

// Every reason the validation SQL can give has a case in the corpus above.
TEST(BadInputCorpus, EveryReasonOfTheValidationSqlHasATest) {
    std::set<std::string> tested;
    for (const auto& c : kCorpus) tested.insert(std::string(c.source) + ": " + c.reason);
    // register → the file that validates it (the Incomes Register where it is read once).
    const std::pair<const char*, const char*> files[] = {
        {"permit", "validate/permit"},
        {"income_record", "evaluate/income_read"},
        {"population_event", "validate/population_event"},
        {"company_status", "validate/company_status"},
        {"study_record", "validate/study_record"},
        {"benefit_payment", "validate/benefit_payment"},
        {"employment_notice", "validate/employment_notice"},
    };
    const std::regex reason(R"(THEN '((?:[^']|'')+)' END)");
    std::set<std::string> in_sql;
    for (const auto& [f, file] : files) {
        std::ifstream in(source_path(std::string("sql/run/") + file + ".sql"));
        std::stringstream text;
        text << in.rdbuf();
        const std::string sql = text.str();
        for (auto it = std::sregex_iterator(sql.begin(), sql.end(), reason); it != std::sregex_iterator(); ++it) {
            in_sql.insert(std::string(f) + ": " + std::regex_replace((*it)[1].str(), std::regex("''"), "'"));
        }
    }
    for (const auto& r : in_sql) EXPECT_TRUE(tested.count(r)) << "no test for " << r;
    for (const auto& r : tested) EXPECT_TRUE(in_sql.count(r)) << "not in the SQL: " << r;
    EXPECT_GE(in_sql.size(), 30u);
    std::printf("bad input corpus: %zu kinds of bad rows over %zu registers\n", in_sql.size(), std::size(files));
}

}  // namespace
}  // namespace supervision::test
