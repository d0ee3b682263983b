// rules.md §8: each validation reason lands in supervision.rejected_row with the
// source, key and reason; the run goes on; a fixed row leaves the list next run. Every
// check rejects only what cannot be true: each has an edge row that is accepted beside the
// first row beyond it, which is rejected. Keying errors (padded or empty ids, dates that
// are no calendar day) reach no later statement.
#include "support/registry_builder.h"
#include "support/run_helpers.h"
#include "support/signal_queries.h"
#include "support/test_database.h"
#include "support/validation_reasons.h"

#include <functional>
#include <ostream>
#include <set>
#include <vector>

namespace supervision::test {
namespace {

class ValidationTest : public DbTest {
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
    // A good permit beside every bad one: the run must go on and enrol it.
    void insert_good_permit() {
        PermitRow good;
        good.permit_id = "P-good";
        good.person_id = "H-good";
        insert(conn(), good);
    }
};

struct PermitCase {
    const char* name;
    std::function<void(PermitRow&)> spoil;
    const char* reason;
};

class PermitValidationTest : public ValidationTest, public ::testing::WithParamInterface<PermitCase> {};

TEST_P(PermitValidationTest, BadPermitIsRejectedWithItsReasonAndTheRunGoesOn) {
    insert_good_permit();
    PermitRow bad;
    bad.permit_id = "P-bad";
    bad.person_id = "H-bad";
    GetParam().spoil(bad);
    insert(conn(), bad);
    const auto r = run_on(conn(), "2024-06-17");
    EXPECT_EQ(reasons("permit", "P-bad"), GetParam().reason);
    EXPECT_EQ(r.counts["rejected_rows_by_source"]["permit"].get<long long>(), 1);
    EXPECT_EQ(count("SELECT count(*) FROM supervision.supervised_permit WHERE permit_id = 'P-bad'"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM supervision.supervised_permit WHERE permit_id = 'P-good'"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM supervision.rejected_row WHERE first_seen_run = " + std::to_string(r.run_id) +
                    " AND last_seen_run = " + std::to_string(r.run_id)),
              1);
}

INSTANTIATE_TEST_SUITE_P(
    Reasons, PermitValidationTest,
    ::testing::Values(
        PermitCase{"reversed_validity", [](PermitRow& p) { p.valid_until = "2023-12-31"; },
                   "valid_until before valid_from"},
        PermitCase{"unknown_basis", [](PermitRow& p) { p.basis = "tourist"; }, "unknown basis"},
        PermitCase{"null_basis", [](PermitRow& p) { p.basis.reset(); }, "unknown basis"},
        PermitCase{"unknown_sequence", [](PermitRow& p) { p.sequence = "third"; }, "unknown sequence"},
        PermitCase{"unknown_status", [](PermitRow& p) { p.status = "pending"; }, "unknown status"},
        PermitCase{"no_person", [](PermitRow& p) { p.person_id.reset(); }, "person_id missing"},
        PermitCase{"no_decision_date", [](PermitRow& p) { p.decision_date.reset(); }, "decision_date missing"},
        PermitCase{"no_valid_until", [](PermitRow& p) { p.valid_until.reset(); }, "validity dates missing"},
        PermitCase{"revoked_without_date", [](PermitRow& p) { p.status = "revoked"; },
                   "revoked or withdrawn without status_date"},
        PermitCase{"growth_without_company", [](PermitRow& p) { p.basis = "growth_entrepreneur"; },
                   "entrepreneur permit without company_id"},
        PermitCase{"self_employed_without_company", [](PermitRow& p) { p.basis = "self_employed"; },
                   "entrepreneur permit without company_id"},
        PermitCase{"student_without_institution",
                   [](PermitRow& p) {
                       p.basis = "student";
                       p.sequence = "first";
                   },
                   "student permit without institution_id"},
        PermitCase{"negative_requirement", [](PermitRow& p) { p.required_monthly_income = "-1.00"; },
                   "negative required_monthly_income"},
        PermitCase{"endless_validity", [](PermitRow& p) { p.valid_until = "infinity"; },
                   "valid_until is not a calendar day"},
        PermitCase{"padded_person", [](PermitRow& p) { p.person_id = "H-bad "; },
                   "person_id has leading or trailing white space"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST_F(ValidationTest, SeveralReasonsOfOneRowAreEachKept) {
    PermitRow bad;
    bad.permit_id = "P-bad";
    bad.basis = "tourist";
    bad.valid_until = "2023-01-01";
    insert(conn(), bad);
    run_on(conn(), "2024-06-17");
    EXPECT_EQ(reasons("permit", "P-bad"), "unknown basis; valid_until before valid_from");
}

TEST_F(ValidationTest, FixedRowLeavesTheListIntoHistory) {
    PermitRow bad;
    bad.permit_id = "P-bad";
    bad.valid_until = "2023-12-31";
    insert(conn(), bad);
    const auto first = run_on(conn(), "2024-06-17");
    const auto second = run_on(conn(), "2024-06-18");
    EXPECT_EQ(scalar("SELECT first_seen_run || '-' || last_seen_run FROM supervision.rejected_row"),
              std::to_string(first.run_id) + "-" + std::to_string(second.run_id));
    exec(conn(), "UPDATE registry.permit SET valid_until = '2025-12-31'");
    const auto third = run_on(conn(), "2024-06-19");
    EXPECT_EQ(reasons("permit", "P-bad"), "none");
    EXPECT_EQ(third.counts["rejected_rows_cleared"].get<long long>(), 1);
    EXPECT_EQ(scalar("SELECT cleared_run FROM supervision.rejected_row_history WHERE source_key = 'P-bad'"),
              std::to_string(third.run_id));
    // Fixed, it is enrolled now.
    EXPECT_EQ(count("SELECT count(*) FROM supervision.supervised_permit WHERE permit_id = 'P-bad'"), 1);
}

TEST_F(ValidationTest, EveryRegisterIsValidated) {
    insert(conn(), IncomeRow{"IR-neg", std::string("H-1"), std::string("E-1"), std::string("2024-05-01"),
                             std::string("2024-05-31"), std::string("-5.00"), std::nullopt});
    insert(conn(), IncomeRow{"IR-rev", std::string("H-1"), std::string("E-1"), std::string("2024-05-31"),
                             std::string("2024-05-01"), std::string("5.00"), std::nullopt});
    insert(conn(), IncomeRow{"IR-hours", std::string("H-1"), std::string("E-1"), std::string("2024-05-01"),
                             std::string("2024-05-31"), std::string("5.00"), std::string("900")});  // > 24 × 31
    insert(conn(), EventRow{"EV-x", std::string("H-1"), std::string("married"), std::string("2024-01-01")});
    insert(conn(), CompanyStatusRow{"C-1", std::string("sleeping"), "2024-01-01"});
    insert(conn(),
           StudyRow{"H-1", "I-1", "2024-08-01", std::string("2024-07-31"), std::string("present"), std::string("5")});
    insert(conn(),
           StudyRow{"H-1", "I-1", "2024-01-01", std::string("2024-07-31"), std::string("asleep"), std::string("5")});
    insert(conn(), BenefitRow{"B-1", std::string("H-1"), std::string("lottery"), std::string("2024-01-01"),
                              std::string("2024-01-31"), std::string("1.00")});
    insert(conn(), BenefitRow{"B-2", std::string("H-1"), std::string("other"), std::string("2024-01-31"),
                              std::string("2024-01-01"), std::string("1.00")});
    insert(conn(), NoticeRow{"N-1", std::string("H-1"), std::string("E-1"), std::nullopt});
    run_on(conn(), "2024-06-17");
    EXPECT_EQ(reasons("income_record", "IR-neg"), "negative gross_amount");
    EXPECT_EQ(reasons("income_record", "IR-rev"), "period_end before period_start");
    EXPECT_EQ(reasons("income_record", "IR-hours"), "hours above 24 a day of the period");
    EXPECT_EQ(reasons("population_event", "EV-x"), "unknown event_type");
    EXPECT_EQ(reasons("company_status", "C-1/2024-01-01"), "unknown status");
    EXPECT_EQ(reasons("study_record", "H-1/I-1/2024-08-01"), "term_end before term_start");
    EXPECT_EQ(reasons("study_record", "H-1/I-1/2024-01-01"), "unknown enrolment");
    EXPECT_EQ(reasons("benefit_payment", "B-1"), "unknown benefit");
    EXPECT_EQ(reasons("benefit_payment", "B-2"), "period_end before period_start");
    EXPECT_EQ(reasons("employment_notice", "N-1"), "employment_ended_on missing");
}

// Every check rejects only what cannot be true. Each case writes two rows of a register: an
// edge row that can be true and must be accepted, and the first row beyond the edge, which
// cannot and is rejected with the check's reason; nothing else is rejected.
struct Edge {
    std::string name, source, reason, accepted_key, rejected_key;
    std::function<void(pqxx::connection&)> insert;
};
void PrintTo(const Edge& e, std::ostream* os) {
    *os << e.name;
}

using Rows = std::function<void(pqxx::connection&)>;
const Rows kNothing = [](pqxx::connection&) {};

// Rows of one register from its builder's defaults: the accepted one keyed "<prefix>-ok",
// the rejected one "<prefix>-no", each changed by its own function; `before` writes the rows
// they are compared with, `after` what the builder cannot (a time of recording).
template <typename Row>
Edge edge(const std::string& name, const std::string& source, const std::string& reason, Row accepted, Row rejected,
          std::function<std::string(const Row&)> key, Rows before = kNothing, Rows after = kNothing) {
    return Edge{name, source, reason, key(accepted), key(rejected), [=](pqxx::connection& c) {
                    before(c);
                    insert(c, accepted);
                    insert(c, rejected);
                    after(c);
                }};
}

using PermitChange = std::function<void(PermitRow&)>;
Edge permit_edge(const std::string& name, const std::string& reason, const PermitChange& accept,
                 const PermitChange& reject, Rows before = kNothing, Rows after = kNothing) {
    PermitRow a, r;
    a.permit_id = "P-ok";
    a.person_id = "H-ok";
    r.permit_id = "P-no";
    r.person_id = "H-no";
    accept(a);
    reject(r);
    return edge<PermitRow>(
        name, "permit", reason, a, r, [](const PermitRow& p) { return p.permit_id; }, before, after);
}

using IncomeChange = std::function<void(IncomeRow&)>;
Edge income_edge(const std::string& name, const std::string& reason, const IncomeChange& accept,
                 const IncomeChange& reject) {
    IncomeRow a{"IR-ok",
                std::string("H-1"),
                std::string("E-1"),
                std::string("2024-05-01"),
                std::string("2024-05-31"),
                std::string("4000.00"),
                std::nullopt};
    IncomeRow r = a;
    r.record_id = "IR-no";
    accept(a);
    reject(r);
    return edge<IncomeRow>(name, "income_record", reason, a, r, [](const IncomeRow& i) { return i.record_id; });
}

using EventChange = std::function<void(EventRow&)>;
Edge event_edge(const std::string& name, const std::string& reason, const EventChange& accept,
                const EventChange& reject, Rows before = kNothing) {
    EventRow a = event("V-ok", "registered", "2024-01-05");
    EventRow r = event("V-no", "registered", "2024-01-06");
    accept(a);
    reject(r);
    return edge<EventRow>(
        name, "population_event", reason, a, r, [](const EventRow& e) { return e.event_id; }, before);
}

using CompanyChange = std::function<void(CompanyStatusRow&)>;
Edge company_edge(const std::string& name, const std::string& reason, const CompanyChange& accept,
                  const CompanyChange& reject, Rows after = kNothing) {
    CompanyStatusRow a{"C-ok", std::string("active"), "2024-01-01"};
    CompanyStatusRow r{"C-no", std::string("active"), "2024-01-01"};
    accept(a);
    reject(r);
    return edge<CompanyStatusRow>(
        name, "company_status", reason, a, r,
        [](const CompanyStatusRow& s) { return s.company_id + "/" + s.status_date; }, kNothing, after);
}

using StudyChange = std::function<void(StudyRow&)>;
Edge study_edge(const std::string& name, const std::string& reason, const StudyChange& accept,
                const StudyChange& reject) {
    StudyRow a{"H-ok", "I-1", "2024-01-01", std::string("2024-07-31"), std::string("present"), std::string("25.0")};
    StudyRow r = a;
    r.person_id = "H-no";
    accept(a);
    reject(r);
    return edge<StudyRow>(name, "study_record", reason, a, r,
                          [](const StudyRow& s) { return s.person_id + "/" + s.institution_id + "/" + s.term_start; });
}

using BenefitChange = std::function<void(BenefitRow&)>;
Edge benefit_edge(const std::string& name, const std::string& reason, const BenefitChange& accept,
                  const BenefitChange& reject) {
    BenefitRow a{"B-ok",
                 std::string("H-1"),
                 std::string("basic_social_assistance"),
                 std::string("2024-05-01"),
                 std::string("2024-05-31"),
                 std::string("500.00")};
    BenefitRow r = a;
    r.payment_id = "B-no";
    accept(a);
    reject(r);
    return edge<BenefitRow>(name, "benefit_payment", reason, a, r, [](const BenefitRow& b) { return b.payment_id; });
}

using NoticeChange = std::function<void(NoticeRow&)>;
Edge notice_edge(const std::string& name, const std::string& reason, const NoticeChange& accept,
                 const NoticeChange& reject, Rows before = kNothing) {
    NoticeRow a{"N-ok", std::string("H-ok"), std::string("E-1"), std::string("2024-05-15")};
    NoticeRow r{"N-no", std::string("H-no"), std::string("E-1"), std::string("2024-05-15")};
    accept(a);
    reject(r);
    return edge<NoticeRow>(
        name, "employment_notice", reason, a, r, [](const NoticeRow& n) { return n.notice_id; }, before);
}

template <typename Row>
std::function<void(Row&)> same() {
    return [](Row&) {};
}

const std::string kNbsp = "\xc2\xa0";
const std::string kEmSpace = "\xe2\x80\x83";
const std::string kIdeographicSpace = "\xe3\x80\x80";

std::vector<Edge> edges() {
    const std::string padded = " has leading or trailing white space";
    std::vector<Edge> e;
    // permit
    e.push_back(permit_edge(
        "permit_id_empty", "permit_id empty", [](PermitRow& p) { p.permit_id = "P"; },
        [](PermitRow& p) { p.permit_id = ""; }));
    e.push_back(permit_edge(
        "permit_id_padded", "permit_id" + padded, [](PermitRow& p) { p.permit_id = "P ok"; },
        [](PermitRow& p) { p.permit_id += kNbsp; }));
    e.push_back(permit_edge(
        "permit_person_missing", "person_id missing", [](PermitRow& p) { p.person_id = "H"; },
        [](PermitRow& p) { p.person_id.reset(); }));
    e.push_back(permit_edge(
        "permit_person_padded", "person_id" + padded, [](PermitRow& p) { p.person_id = "H ok"; },
        [](PermitRow& p) { *p.person_id += "\n"; }));
    e.push_back(permit_edge(
        "permit_employer_empty", "employer_id empty", [](PermitRow& p) { p.employer_id.reset(); },
        [](PermitRow& p) { p.employer_id = ""; }));
    e.push_back(permit_edge(
        "permit_employer_padded", "employer_id" + padded, [](PermitRow& p) { p.employer_id = "E 1"; },
        [](PermitRow& p) { p.employer_id = "\tE-1"; }));
    e.push_back(permit_edge(
        "permit_company_empty", "company_id empty",
        [](PermitRow& p) {
            p.basis = "growth_entrepreneur";
            p.company_id = "C";
        },
        [](PermitRow& p) {
            p.basis = "growth_entrepreneur";
            p.company_id = "";
        }));
    e.push_back(permit_edge(
        "permit_company_padded", "company_id" + padded,
        [](PermitRow& p) {
            p.basis = "growth_entrepreneur";
            p.company_id = "C 1";
        },
        [](PermitRow& p) {
            p.basis = "growth_entrepreneur";
            p.company_id = "C-1 ";
        }));
    auto student = [](const Text& institution) {
        return [institution](PermitRow& p) {
            p.basis = "student";
            p.sequence = "first";
            p.institution_id = institution;
        };
    };
    e.push_back(permit_edge("permit_institution_empty", "institution_id empty", student("I"), student("")));
    e.push_back(permit_edge("permit_institution_padded", "institution_id" + padded, student("I 1"), student("I-1\r")));
    e.push_back(permit_edge(
        "permit_unknown_basis", "unknown basis", [](PermitRow& p) { p.basis = "other"; },
        [](PermitRow& p) { p.basis = "Other"; }));
    e.push_back(permit_edge(
        "permit_unknown_sequence", "unknown sequence", [](PermitRow& p) { p.sequence = "first"; },
        [](PermitRow& p) { p.sequence = "First"; }));
    auto status = [](const char* s) {
        return [s](PermitRow& p) {
            p.status = s;
            p.status_date = "2024-06-01";
        };
    };
    e.push_back(permit_edge("permit_unknown_status", "unknown status", status("withdrawn"), status("Withdrawn")));
    e.push_back(permit_edge("permit_decision_missing", "decision_date missing", same<PermitRow>(),
                            [](PermitRow& p) { p.decision_date.reset(); }));
    e.push_back(permit_edge(
        "permit_decision_not_a_day", "decision_date is not a calendar day",
        [](PermitRow& p) { p.decision_date = "1800-01-01"; }, [](PermitRow& p) { p.decision_date = "-infinity"; }));
    e.push_back(permit_edge(
        "permit_decision_out_of_range", "decision_date out of range",
        [](PermitRow& p) { p.decision_date = "1800-01-01"; }, [](PermitRow& p) { p.decision_date = "1799-12-31"; }));
    e.push_back(permit_edge(
        "permit_validity_missing", "validity dates missing", [](PermitRow& p) { p.valid_until = p.valid_from; },
        [](PermitRow& p) { p.valid_until.reset(); }));
    e.push_back(permit_edge(
        "permit_valid_from_not_a_day", "valid_from is not a calendar day",
        [](PermitRow& p) { p.valid_from = "1800-01-01"; }, [](PermitRow& p) { p.valid_from = "-infinity"; }));
    e.push_back(permit_edge(
        "permit_valid_from_out_of_range", "valid_from out of range", [](PermitRow& p) { p.valid_from = "1800-01-01"; },
        [](PermitRow& p) { p.valid_from = "1799-12-31"; }));
    e.push_back(permit_edge(
        "permit_valid_until_not_a_day", "valid_until is not a calendar day",
        [](PermitRow& p) { p.valid_until = "9999-12-31"; }, [](PermitRow& p) { p.valid_until = "infinity"; }));
    e.push_back(permit_edge(
        "permit_valid_until_out_of_range", "valid_until out of range",
        [](PermitRow& p) { p.valid_until = "9999-12-31"; }, [](PermitRow& p) { p.valid_until = "10000-01-01"; }));
    auto revoked = [](const char* day) {
        return [day](PermitRow& p) {
            p.status = "revoked";
            p.status_date = day;
        };
    };
    e.push_back(permit_edge("permit_status_date_not_a_day", "status_date is not a calendar day", revoked("9999-12-31"),
                            revoked("infinity")));
    e.push_back(permit_edge("permit_status_date_out_of_range", "status_date out of range", revoked("9999-12-31"),
                            revoked("10000-01-01")));
    e.push_back(permit_edge(
        "permit_reversed_validity", "valid_until before valid_from", [](PermitRow& p) { p.valid_until = p.valid_from; },
        [](PermitRow& p) { p.valid_until = "2023-12-31"; }));
    e.push_back(permit_edge("permit_revoked_without_date", "revoked or withdrawn without status_date",
                            same<PermitRow>(), [](PermitRow& p) { p.status = "revoked"; }));
    e.push_back(permit_edge(
        "permit_entrepreneur_without_company", "entrepreneur permit without company_id",
        [](PermitRow& p) {
            p.basis = "self_employed";
            p.company_id = "C";
        },
        [](PermitRow& p) { p.basis = "self_employed"; }));
    e.push_back(permit_edge("permit_student_without_institution", "student permit without institution_id", student("I"),
                            student(std::nullopt)));
    e.push_back(permit_edge(
        "permit_negative_requirement", "negative required_monthly_income",
        [](PermitRow& p) { p.required_monthly_income = "0.00"; },
        [](PermitRow& p) { p.required_monthly_income = "-0.01"; }));
    auto validity_2023 = [](const char* decided) {
        return [decided](PermitRow& p) {
            p.decision_date = decided;
            p.valid_from = "2023-01-01";
            p.valid_until = "2023-12-31";
        };
    };
    e.push_back(permit_edge("permit_decided_after_validity", "decision_date after valid_until",
                            validity_2023("2023-12-31"), validity_2023("2024-01-01")));
    auto revoked_on = [](const char* day) {
        return [day](PermitRow& p) {
            p.status = "revoked";
            p.status_date = day;  // decided 2024-01-01
        };
    };
    e.push_back(permit_edge("permit_status_before_decision", "status_date before decision_date",
                            revoked_on("2024-01-01"), revoked_on("2023-12-31")));
    // Decided 2024-01-01: recorded at 00:30 that day in Helsinki (22:30 UTC the day before),
    // against recorded the evening before.
    e.push_back(permit_edge("permit_decided_after_recorded", "decision_date after updated_at", same<PermitRow>(),
                            same<PermitRow>(), kNothing, [](pqxx::connection& c) {
                                exec(c,
                                     "UPDATE registry.permit SET updated_at = CASE permit_id "
                                     "WHEN 'P-ok' THEN timestamptz '2023-12-31 22:30+00' "
                                     "ELSE timestamptz '2023-12-31 23:59:59+02' END");
                            }));
    // Each holder's earlier permit runs 2023-01-01..2024-06-30: the next one may start the
    // day after, not on its last day.
    e.push_back(permit_edge(
        "permit_overlapping_same_basis", "overlaps an earlier permit of the same basis and sequence",
        [](PermitRow& p) { p.valid_from = "2024-07-01"; }, [](PermitRow& p) { p.valid_from = "2024-06-30"; },
        [](pqxx::connection& c) {
            for (const char* person : {"H-ok", "H-no"}) {
                PermitRow earlier;
                earlier.permit_id = std::string("P-earlier-") + person;
                earlier.person_id = person;
                earlier.decision_date = "2022-12-01";
                earlier.valid_from = "2023-01-01";
                earlier.valid_until = "2024-06-30";
                insert(c, earlier);
            }
        }));
    // income_record
    e.push_back(income_edge(
        "income_record_id_empty", "record_id empty", [](IncomeRow& r) { r.record_id = "R"; },
        [](IncomeRow& r) { r.record_id = ""; }));
    e.push_back(income_edge(
        "income_record_id_padded", "record_id" + padded, [](IncomeRow& r) { r.record_id = "R ok"; },
        [](IncomeRow& r) { r.record_id = " " + r.record_id; }));
    e.push_back(income_edge(
        "income_person_missing", "person_id missing", [](IncomeRow& r) { r.person_id = "H"; },
        [](IncomeRow& r) { r.person_id.reset(); }));
    e.push_back(income_edge(
        "income_person_padded", "person_id" + padded, [](IncomeRow& r) { r.person_id = "H 1"; },
        [](IncomeRow& r) { r.person_id = "H-1 "; }));
    e.push_back(income_edge(
        "income_payer_empty", "payer_id empty", [](IncomeRow& r) { r.payer_id.reset(); },
        [](IncomeRow& r) { r.payer_id = ""; }));
    e.push_back(income_edge(
        "income_payer_padded", "payer_id" + padded, [](IncomeRow& r) { r.payer_id = "E 1"; },
        [](IncomeRow& r) { r.payer_id = "E-1" + kIdeographicSpace; }));
    e.push_back(income_edge(
        "income_period_missing", "period dates missing", [](IncomeRow& r) { r.period_start = r.period_end; },
        [](IncomeRow& r) { r.period_start.reset(); }));
    e.push_back(income_edge(
        "income_period_start_not_a_day", "period_start is not a calendar day",
        [](IncomeRow& r) { r.period_start = "1800-01-01"; }, [](IncomeRow& r) { r.period_start = "-infinity"; }));
    e.push_back(income_edge(
        "income_period_start_out_of_range", "period_start out of range",
        [](IncomeRow& r) { r.period_start = "1800-01-01"; }, [](IncomeRow& r) { r.period_start = "1799-12-31"; }));
    e.push_back(income_edge(
        "income_period_end_not_a_day", "period_end is not a calendar day",
        [](IncomeRow& r) { r.period_end = "9999-12-31"; }, [](IncomeRow& r) { r.period_end = "infinity"; }));
    e.push_back(income_edge(
        "income_period_end_out_of_range", "period_end out of range", [](IncomeRow& r) { r.period_end = "9999-12-31"; },
        [](IncomeRow& r) { r.period_end = "10000-01-01"; }));
    e.push_back(income_edge(
        "income_reversed_period", "period_end before period_start", [](IncomeRow& r) { r.period_end = r.period_start; },
        [](IncomeRow& r) { r.period_end = "2024-04-30"; }));
    e.push_back(income_edge(
        "income_amount_missing", "gross_amount missing", [](IncomeRow& r) { r.gross_amount = "0.00"; },
        [](IncomeRow& r) { r.gross_amount.reset(); }));
    e.push_back(income_edge(
        "income_negative_amount", "negative gross_amount", [](IncomeRow& r) { r.gross_amount = "0.00"; },
        [](IncomeRow& r) { r.gross_amount = "-0.01"; }));
    e.push_back(income_edge(
        "income_negative_hours", "negative hours", [](IncomeRow& r) { r.hours = "0"; },
        [](IncomeRow& r) { r.hours = "-0.01"; }));
    // A pay period's hours are bounded by 24 × the days of its own period.
    auto hours = [](const char* from, const char* to, const char* h) {
        return [=](IncomeRow& r) {
            r.period_start = from;
            r.period_end = to;
            r.hours = h;
        };
    };
    const std::string above = "hours above 24 a day of the period";
    e.push_back(income_edge("income_hours_one_day", above, hours("2024-05-31", "2024-05-31", "24"),
                            hours("2024-05-31", "2024-05-31", "24.01")));
    e.push_back(income_edge("income_hours_one_month", above, hours("2024-05-01", "2024-05-31", "744"),
                            hours("2024-05-01", "2024-05-31", "744.01")));
    e.push_back(income_edge("income_hours_five_months", above, hours("2024-01-01", "2024-05-31", "3648"),
                            hours("2024-01-01", "2024-05-31", "3648.01")));  // 152 days
    // population_event (H-1's: registered 2024-01-05 and 2024-01-06 unless changed)
    e.push_back(event_edge(
        "event_id_empty", "event_id empty", [](EventRow& v) { v.event_id = "V"; },
        [](EventRow& v) { v.event_id = ""; }));
    e.push_back(event_edge(
        "event_id_padded", "event_id" + padded, [](EventRow& v) { v.event_id = "V ok"; },
        [](EventRow& v) { v.event_id += "\t"; }));
    e.push_back(event_edge(
        "event_person_missing", "person_id missing", [](EventRow& v) { v.person_id = "H"; },
        [](EventRow& v) { v.person_id.reset(); }));
    e.push_back(event_edge(
        "event_person_padded", "person_id" + padded, [](EventRow& v) { v.person_id = "H 1"; },
        [](EventRow& v) { v.person_id = kEmSpace + "H-1"; }));
    e.push_back(event_edge(
        "event_unknown_type", "unknown event_type", [](EventRow& v) { v.event_type = "returned"; },
        [](EventRow& v) { v.event_type = "Returned"; }));
    e.push_back(event_edge("event_date_missing", "event_date missing", same<EventRow>(),
                           [](EventRow& v) { v.event_date.reset(); }));
    e.push_back(event_edge(
        "event_date_not_a_day", "event_date is not a calendar day", [](EventRow& v) { v.event_date = "1800-01-01"; },
        [](EventRow& v) { v.event_date = "-infinity"; }));
    e.push_back(event_edge(
        "event_date_out_of_range", "event_date out of range", [](EventRow& v) { v.event_date = "9999-12-31"; },
        [](EventRow& v) { v.event_date = "10000-01-01"; }));
    // V-a registered 2024-01-05: the same event the next day is no copy, the same day is.
    e.push_back(event_edge(
        "event_duplicate", "duplicate event (same person, type and date)",
        [](EventRow& v) { v.event_date = "2024-01-06"; }, [](EventRow& v) { v.event_date = "2024-01-05"; },
        [](pqxx::connection& c) { insert(c, event("V-a", "registered", "2024-01-05")); }));
    // Died 2024-03-01: an event that day can be registered, not one the day after.
    e.push_back(event_edge(
        "event_after_death", "event after the person's death",
        [](EventRow& v) {
            v.event_type = "emigrated";
            v.event_date = "2024-03-01";
        },
        [](EventRow& v) {
            v.event_type = "emigrated";
            v.event_date = "2024-03-02";
        },
        [](pqxx::connection& c) { insert(c, event("V-a", "deceased", "2024-03-01")); }));
    // company_status
    e.push_back(company_edge(
        "company_id_empty", "company_id empty", [](CompanyStatusRow& s) { s.company_id = "C"; },
        [](CompanyStatusRow& s) { s.company_id = ""; }));
    e.push_back(company_edge(
        "company_id_padded", "company_id" + padded, [](CompanyStatusRow& s) { s.company_id = "C ok"; },
        [](CompanyStatusRow& s) { s.company_id += " "; }));
    e.push_back(company_edge(
        "company_status_date_not_a_day", "status_date is not a calendar day",
        [](CompanyStatusRow& s) { s.status_date = "1800-01-01"; },
        [](CompanyStatusRow& s) { s.status_date = "-infinity"; }));
    e.push_back(company_edge(
        "company_status_date_out_of_range", "status_date out of range",
        [](CompanyStatusRow& s) { s.status_date = "1800-01-01"; },
        [](CompanyStatusRow& s) { s.status_date = "1799-12-31"; }));
    e.push_back(company_edge(
        "company_unknown_status", "unknown status", [](CompanyStatusRow& s) { s.status = "deregistered"; },
        [](CompanyStatusRow& s) { s.status = "Deregistered"; }));
    // Dated 2024-05-01: received at 00:30 that day in Helsinki, against the evening before.
    auto dated_may = [](CompanyStatusRow& s) { s.status_date = "2024-05-01"; };
    e.push_back(company_edge("company_status_dated_after_received", "status_date after received_at", dated_may,
                             dated_may, [](pqxx::connection& c) {
                                 exec(c,
                                      "UPDATE registry.company_status SET received_at = CASE company_id "
                                      "WHEN 'C-ok' THEN timestamptz '2024-04-30 21:30+00' "
                                      "ELSE timestamptz '2024-04-30 23:59:59+03' END");
                             }));
    // study_record
    e.push_back(study_edge(
        "study_person_missing", "person_id missing", [](StudyRow& s) { s.person_id = "H"; },
        [](StudyRow& s) { s.person_id = ""; }));
    e.push_back(study_edge(
        "study_person_padded", "person_id" + padded, [](StudyRow& s) { s.person_id = "H ok"; },
        [](StudyRow& s) { s.person_id += "\n"; }));
    e.push_back(study_edge(
        "study_institution_empty", "institution_id empty", [](StudyRow& s) { s.institution_id = "I"; },
        [](StudyRow& s) { s.institution_id = ""; }));
    e.push_back(study_edge(
        "study_institution_padded", "institution_id" + padded, [](StudyRow& s) { s.institution_id = "I 1"; },
        [](StudyRow& s) { s.institution_id = " I-1"; }));
    e.push_back(study_edge(
        "study_term_start_not_a_day", "term_start is not a calendar day",
        [](StudyRow& s) { s.term_start = "1800-01-01"; }, [](StudyRow& s) { s.term_start = "-infinity"; }));
    e.push_back(study_edge(
        "study_term_start_out_of_range", "term_start out of range", [](StudyRow& s) { s.term_start = "1800-01-01"; },
        [](StudyRow& s) { s.term_start = "1799-12-31"; }));
    e.push_back(study_edge("study_term_end_missing", "term_end missing", same<StudyRow>(),
                           [](StudyRow& s) { s.term_end.reset(); }));
    e.push_back(study_edge(
        "study_term_end_not_a_day", "term_end is not a calendar day", [](StudyRow& s) { s.term_end = "9999-12-31"; },
        [](StudyRow& s) { s.term_end = "infinity"; }));
    e.push_back(study_edge(
        "study_term_end_out_of_range", "term_end out of range", [](StudyRow& s) { s.term_end = "9999-12-31"; },
        [](StudyRow& s) { s.term_end = "10000-01-01"; }));
    e.push_back(study_edge(
        "study_reversed_term", "term_end before term_start", [](StudyRow& s) { s.term_end = s.term_start; },
        [](StudyRow& s) { s.term_end = "2023-12-31"; }));
    e.push_back(study_edge(
        "study_unknown_enrolment", "unknown enrolment", [](StudyRow& s) { s.enrolment = "graduated"; },
        [](StudyRow& s) { s.enrolment = "Graduated"; }));
    e.push_back(study_edge(
        "study_negative_credits", "negative credits", [](StudyRow& s) { s.credits = "0.0"; },
        [](StudyRow& s) { s.credits = "-0.1"; }));
    // benefit_payment
    e.push_back(benefit_edge(
        "benefit_payment_id_empty", "payment_id empty", [](BenefitRow& b) { b.payment_id = "B"; },
        [](BenefitRow& b) { b.payment_id = ""; }));
    e.push_back(benefit_edge(
        "benefit_payment_id_padded", "payment_id" + padded, [](BenefitRow& b) { b.payment_id = "B ok"; },
        [](BenefitRow& b) { b.payment_id = kNbsp + b.payment_id; }));
    e.push_back(benefit_edge(
        "benefit_person_missing", "person_id missing", [](BenefitRow& b) { b.person_id = "H"; },
        [](BenefitRow& b) { b.person_id.reset(); }));
    e.push_back(benefit_edge(
        "benefit_person_padded", "person_id" + padded, [](BenefitRow& b) { b.person_id = "H 1"; },
        [](BenefitRow& b) { b.person_id = "H-1\t"; }));
    e.push_back(benefit_edge(
        "benefit_unknown_kind", "unknown benefit", [](BenefitRow& b) { b.benefit = "other"; },
        [](BenefitRow& b) { b.benefit = "Other"; }));
    e.push_back(benefit_edge(
        "benefit_period_missing", "period dates missing", [](BenefitRow& b) { b.period_end = b.period_start; },
        [](BenefitRow& b) { b.period_end.reset(); }));
    e.push_back(benefit_edge(
        "benefit_period_start_not_a_day", "period_start is not a calendar day",
        [](BenefitRow& b) { b.period_start = "1800-01-01"; }, [](BenefitRow& b) { b.period_start = "-infinity"; }));
    e.push_back(benefit_edge(
        "benefit_period_start_out_of_range", "period_start out of range",
        [](BenefitRow& b) { b.period_start = "1800-01-01"; }, [](BenefitRow& b) { b.period_start = "1799-12-31"; }));
    e.push_back(benefit_edge(
        "benefit_period_end_not_a_day", "period_end is not a calendar day",
        [](BenefitRow& b) { b.period_end = "9999-12-31"; }, [](BenefitRow& b) { b.period_end = "infinity"; }));
    e.push_back(benefit_edge(
        "benefit_period_end_out_of_range", "period_end out of range",
        [](BenefitRow& b) { b.period_end = "9999-12-31"; }, [](BenefitRow& b) { b.period_end = "10000-01-01"; }));
    e.push_back(benefit_edge(
        "benefit_reversed_period", "period_end before period_start",
        [](BenefitRow& b) { b.period_end = b.period_start; }, [](BenefitRow& b) { b.period_end = "2024-04-30"; }));
    e.push_back(benefit_edge(
        "benefit_amount_missing", "amount missing", [](BenefitRow& b) { b.amount = "0.00"; },
        [](BenefitRow& b) { b.amount.reset(); }));
    e.push_back(benefit_edge(
        "benefit_negative_amount", "negative amount", [](BenefitRow& b) { b.amount = "0.00"; },
        [](BenefitRow& b) { b.amount = "-0.01"; }));
    // employment_notice
    e.push_back(notice_edge(
        "notice_id_empty", "notice_id empty", [](NoticeRow& n) { n.notice_id = "N"; },
        [](NoticeRow& n) { n.notice_id = ""; }));
    e.push_back(notice_edge(
        "notice_id_padded", "notice_id" + padded, [](NoticeRow& n) { n.notice_id = "N ok"; },
        [](NoticeRow& n) { n.notice_id += "\r"; }));
    e.push_back(notice_edge(
        "notice_person_missing", "person_id missing", [](NoticeRow& n) { n.person_id = "H"; },
        [](NoticeRow& n) { n.person_id.reset(); }));
    e.push_back(notice_edge(
        "notice_person_padded", "person_id" + padded, [](NoticeRow& n) { n.person_id = "H ok"; },
        [](NoticeRow& n) { n.person_id = " H-no"; }));
    e.push_back(notice_edge(
        "notice_employer_empty", "employer_id empty", [](NoticeRow& n) { n.employer_id.reset(); },
        [](NoticeRow& n) { n.employer_id = ""; }));
    e.push_back(notice_edge(
        "notice_employer_padded", "employer_id" + padded, [](NoticeRow& n) { n.employer_id = "E 1"; },
        [](NoticeRow& n) { n.employer_id = "E-1" + kNbsp; }));
    e.push_back(notice_edge("notice_end_missing", "employment_ended_on missing", same<NoticeRow>(),
                            [](NoticeRow& n) { n.employment_ended_on.reset(); }));
    e.push_back(notice_edge(
        "notice_end_not_a_day", "employment_ended_on is not a calendar day",
        [](NoticeRow& n) { n.employment_ended_on = "1800-01-01"; },
        [](NoticeRow& n) { n.employment_ended_on = "infinity"; }));
    e.push_back(notice_edge(
        "notice_end_out_of_range", "employment_ended_on out of range",
        [](NoticeRow& n) { n.employment_ended_on = "9999-12-31"; },
        [](NoticeRow& n) { n.employment_ended_on = "10000-01-01"; }));
    // N-a: H-1's notice from E-1 for 2024-05-15; another employer's for that day is no copy.
    e.push_back(notice_edge(
        "notice_duplicate", "duplicate notice (same person, employer and date)",
        [](NoticeRow& n) {
            n.person_id = "H-1";
            n.employer_id = "E-2";
        },
        [](NoticeRow& n) { n.person_id = "H-1"; },
        [](pqxx::connection& c) {
            insert(c, NoticeRow{"N-a", std::string("H-1"), std::string("E-1"), std::string("2024-05-15")});
        }));
    return e;
}

class ValidationEdgeTest : public ValidationTest, public ::testing::WithParamInterface<Edge> {};

TEST_P(ValidationEdgeTest, TheEdgeIsAcceptedAndTheRowBeyondItRejected) {
    const Edge& e = GetParam();
    set_all_sources(conn(), "2024-05-31");
    e.insert(conn());
    const auto r = run_on(conn(), "2024-06-17");
    EXPECT_EQ(scalar("SELECT status FROM supervision.run WHERE run_id = " + std::to_string(r.run_id)), "succeeded");
    EXPECT_EQ(reasons(e.source, e.accepted_key), "none");
    EXPECT_EQ(reasons(e.source, e.rejected_key), e.reason);
    EXPECT_EQ(count("SELECT count(*) FROM supervision.rejected_row"), 1) << "nothing else is rejected";
}

INSTANTIATE_TEST_SUITE_P(EveryCheck, ValidationEdgeTest, ::testing::ValuesIn(edges()),
                         [](const auto& info) { return info.param.name; });

TEST(ValidationEdges, EveryReasonOfTheValidationSqlHasAnEdge) {
    std::set<std::string> tested;
    for (const auto& e : edges()) tested.insert(e.source + ": " + e.reason);
    const auto in_sql = validation_reasons();
    for (const auto& r : in_sql) EXPECT_TRUE(tested.count(r)) << "no edge for " << r;
    for (const auto& r : tested) EXPECT_TRUE(in_sql.count(r)) << "not in the SQL: " << r;
}

// rules.md §8 (docs/rules.md): a student permit needs its institution only where the study
// register is used, i.e. where study_inactive applies to its basis and sequence.
TEST_F(ValidationTest, StudentWithoutInstitutionIsRejectedOnlyWhereTheStudyRegisterIsUsed) {
    PermitRow p;
    p.basis = "student";
    p.sequence = "first";
    p.valid_from = "2024-06-01";
    p.employer_id = std::nullopt;
    insert(conn(), p);
    run_on(conn(), "2024-06-17");
    EXPECT_EQ(reasons("permit", "P-1"), "student permit without institution_id");
    EXPECT_EQ(enrolments("P-1"), 0);

    const auto without_study_register =
        config_replacing("  study_inactive:\n    bases: [student]", "  study_inactive:\n    bases: [family]");
    run_on(conn(), without_study_register, "2024-06-18");
    EXPECT_EQ(reasons("permit", "P-1"), "none");
    EXPECT_EQ(enrolments("P-1"), 1);
}

// Ids that are empty or white-space padded (any Unicode white space) are keying errors:
// 'H-1 ' is not H-1, and taken as it stands it would be another person with no income.
// H-1 beside them is decided as always.
TEST_F(ValidationTest, PaddedOrEmptyPersonIdsAreKeyingErrorsBesideTheRealPerson) {
    insert(conn(), PermitRow{});  // H-1, specialist
    for (int m = 1; m <= 5; ++m) {
        const std::string month = "2024-0" + std::to_string(m);
        insert(conn(), IncomeRow{"R-" + std::to_string(m), std::string("H-1"), std::string("E-1"), month + "-01",
                                 month + "-28", std::string("4000.00"), std::string("160")});
    }
    const std::vector<std::pair<std::string, std::string>> padded = {
        {"P-spaces", "   "},    {"P-tab", "\t"},       {"P-trailing", "H-1 "},    {"P-nbsp", "H-1" + kNbsp},
        {"P-newline", "\nH-1"}, {"P-return", "H-1\r"}, {"P-em", kEmSpace + "H-1"}};
    for (const auto& [id, person] : padded) {
        PermitRow p;
        p.permit_id = id;
        p.person_id = person;
        insert(conn(), p);
    }
    PermitRow empty;
    empty.permit_id = "P-empty";
    empty.person_id = "";
    insert(conn(), empty);
    insert(conn(), IncomeRow{"R-trailing", std::string("H-1 "), std::string("E-1"), std::string("2024-05-01"),
                             std::string("2024-05-31"), std::string("4000.00"), std::nullopt});
    set_all_sources(conn(), "2024-05-31");
    run_on(conn(), "2024-06-17");

    for (const auto& [id, person] : padded) {
        EXPECT_EQ(reasons("permit", id), "person_id has leading or trailing white space") << id;
        EXPECT_EQ(enrolments(id), 0) << id;
    }
    EXPECT_EQ(reasons("permit", "P-empty"), "person_id missing");
    EXPECT_EQ(enrolments("P-empty"), 0);
    EXPECT_EQ(reasons("income_record", "R-trailing"), "person_id has leading or trailing white space");
    EXPECT_EQ(enrolments("P-1"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM supervision.signal"), 0) << "no no_income for a person who is not one";
}

// White space is Unicode's White_Space (and whatever more \s knows in the server's locale),
// at either end of an id; other characters there, and white space inside, are no error.
TEST_F(ValidationTest, EveryUnicodeWhiteSpaceAtEitherEndOfAnIdIsAKeyingError) {
    const int white_space[] = {0x09,   0x0A,   0x0B,   0x0C,   0x0D,   0x20,   0x85,   0xA0,   0x1680,
                               0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008,
                               0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000};
    const int not_white_space[] = {
        '_', '~', '!', 0x7F, 0xE4 /* ä */, 0x200B /* zero width space */, 0xFEFF /* byte order mark */, 0x1F600};
    auto permits = [&](const char* kind, int code) {
        pqxx::work tx(conn());
        for (const char* end : {"a", "b"}) {
            tx.exec_params0(
                "INSERT INTO registry.permit (permit_id, person_id, basis, sequence, decision_date, valid_from, "
                "valid_until, status, updated_at) SELECT $1, CASE WHEN $3 = 'a' THEN 'H' || chr($2) ELSE chr($2) || "
                "'H' "
                "END, 'family', 'first', '2024-01-01', '2024-01-01', '2024-12-31', 'granted', now()",
                std::string(kind) + "-" + std::to_string(code) + "-" + end, code, std::string(end));
        }
        tx.commit();
    };
    for (const int c : white_space) permits("P-ws", c);
    for (const int c : not_white_space) permits("P-ok", c);
    insert(conn(), PermitRow{"P-inside", std::string("H 1")});
    run_on(conn(), "2024-06-17");
    EXPECT_EQ(count("SELECT count(*) FROM supervision.rejected_row WHERE source_key LIKE 'P-ws-%' "
                    "AND reason = 'person_id has leading or trailing white space'"),
              2 * static_cast<long long>(std::size(white_space)));
    EXPECT_EQ(count("SELECT count(*) FROM supervision.rejected_row"),
              2 * static_cast<long long>(std::size(white_space)))
        << scalar(
               "SELECT string_agg(source_key, ' ') FROM supervision.rejected_row WHERE source_key NOT LIKE 'P-ws-%'");
}

// A valid_until of 'infinity' is a keying error: taken as it stands, the work history's date
// arithmetic fails on it ("cannot subtract infinite dates") and the whole night stops.
// Everyone else is decided as always.
TEST_F(ValidationTest, AnEndlessPermitIsRejectedAndTheNightGoesOn) {
    PermitRow endless;
    endless.permit_id = "P-endless";
    endless.person_id = "H-2";
    endless.valid_until = "infinity";
    insert(conn(), endless);
    insert(conn(), PermitRow{});
    set_all_sources(conn(), "2024-05-31");
    const auto r = run_on(conn(), "2024-06-17");
    EXPECT_EQ(scalar("SELECT status FROM supervision.run WHERE run_id = " + std::to_string(r.run_id)), "succeeded");
    EXPECT_EQ(reasons("permit", "P-endless"), "valid_until is not a calendar day");
    EXPECT_EQ(enrolments("P-endless"), 0);
    EXPECT_EQ(enrolments("P-1"), 1);
    EXPECT_TRUE(open_signal(conn(), "P-1", "no_income").has_value()) << "the night's signals are raised";
}

// A death dated '-infinity' is a rejected row, and a rejected death is no death: it neither
// ends a supervision nor keeps a permit from being enrolled.
TEST_F(ValidationTest, ARejectedDeathEndsNothingAndBlocksNoEnrolment) {
    insert(conn(), PermitRow{});
    set_all_sources(conn(), "2024-05-31");
    run_on(conn(), "2024-06-17");
    ASSERT_EQ(enrolments("P-1"), 1);

    insert(conn(), event("V-1", "deceased", "-infinity"));
    PermitRow other;
    other.permit_id = "P-2";
    other.person_id = "H-2";
    insert(conn(), other);
    insert(conn(), event("V-2", "deceased", "-infinity", "H-2"));
    run_on(conn(), "2024-06-18");
    EXPECT_EQ(reasons("population_event", "V-1"), "event_date is not a calendar day");
    EXPECT_EQ(reasons("population_event", "V-2"), "event_date is not a calendar day");
    EXPECT_EQ(
        scalar("SELECT coalesce(end_reason, 'supervised') FROM supervision.supervised_permit WHERE permit_id = 'P-1'"),
        "supervised");
    EXPECT_EQ(enrolments("P-2"), 1);
}

// A register's completeness that is no calendar day is an error of its load: it counts as
// none (no complete month), and the night goes on.
TEST_F(ValidationTest, ACompletenessThatIsNoCalendarDayCountsAsNone) {
    insert(conn(), PermitRow{});
    set_all_sources(conn(), "2024-05-31");
    exec(conn(),
         "UPDATE registry.source_status SET complete_through = CASE source "
         "WHEN 'incomes' THEN date 'infinity' WHEN 'studies' THEN date '-infinity' ELSE complete_through END");
    const auto r = run_on(conn(), "2024-06-17");
    EXPECT_TRUE(r.counts["registers"]["incomes"]["complete_through"].is_null());
    EXPECT_TRUE(r.counts["registers"]["studies"]["complete_through"].is_null());
    EXPECT_EQ(enrolments("P-1"), 1);
    EXPECT_TRUE(signals_of(conn(), "P-1", "no_income").empty()) << "no complete month of incomes";
}

}  // namespace
}  // namespace supervision::test
