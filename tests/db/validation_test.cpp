// rules.md §8: each validation reason lands in supervision.rejected_row with the
// source, key and reason; the run goes on; a fixed row leaves the list next run.
#include "support/registry_builder.h"
#include "support/run_helpers.h"
#include "support/test_database.h"

#include <functional>

namespace supervision::test {
namespace {

class ValidationTest : public DbTest {
protected:
    std::string reasons(const std::string& source, const std::string& key) {
        return scalar("SELECT coalesce(string_agg(reason, '; ' ORDER BY reason), 'none') FROM supervision.rejected_row "
                      "WHERE source = '" + source + "' AND source_key = '" + key + "'");
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
    EXPECT_EQ(count("SELECT count(*) FROM supervision.rejected_row WHERE first_seen_run = " +
                    std::to_string(r.run_id) + " AND last_seen_run = " + std::to_string(r.run_id)),
              1);
}

INSTANTIATE_TEST_SUITE_P(
    Reasons, PermitValidationTest,
    ::testing::Values(
        PermitCase{"reversed_validity", [](PermitRow& p) { p.valid_until = "2023-12-31"; }, "valid_until before valid_from"},
        PermitCase{"unknown_basis", [](PermitRow& p) { p.basis = "tourist"; }, "unknown basis"},
        PermitCase{"null_basis", [](PermitRow& p) { p.basis.reset(); }, "unknown basis"},
        PermitCase{"unknown_sequence", [](PermitRow& p) { p.sequence = "third"; }, "unknown sequence"},
        PermitCase{"unknown_status", [](PermitRow& p) { p.status = "pending"; }, "unknown status"},
        PermitCase{"no_person", [](PermitRow& p) { p.person_id.reset(); }, "person_id missing"},
        PermitCase{"no_decision_date", [](PermitRow& p) { p.decision_date.reset(); }, "decision_date missing"},
        PermitCase{"no_valid_until", [](PermitRow& p) { p.valid_until.reset(); }, "validity dates missing"},
        PermitCase{"revoked_without_date", [](PermitRow& p) { p.status = "revoked"; }, "revoked or withdrawn without status_date"},
        PermitCase{"growth_without_company", [](PermitRow& p) { p.basis = "growth_entrepreneur"; },
                   "entrepreneur permit without company_id"},
        PermitCase{"self_employed_without_company", [](PermitRow& p) { p.basis = "self_employed"; },
                   "entrepreneur permit without company_id"},
        PermitCase{"student_without_institution", [](PermitRow& p) { p.basis = "student"; p.sequence = "first"; },
                   "student permit without institution_id"},
        PermitCase{"negative_requirement", [](PermitRow& p) { p.required_monthly_income = "-1.00"; },
                   "negative required_monthly_income"}),
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
                             std::string("2024-05-31"), std::string("5.00"), std::string("900")});
    insert(conn(), EventRow{"EV-x", std::string("H-1"), std::string("married"), std::string("2024-01-01")});
    insert(conn(), CompanyStatusRow{"C-1", std::string("sleeping"), "2024-01-01"});
    insert(conn(), StudyRow{"H-1", "I-1", "2024-08-01", std::string("2024-07-31"), std::string("present"), std::string("5")});
    insert(conn(), StudyRow{"H-1", "I-1", "2024-01-01", std::string("2024-07-31"), std::string("asleep"), std::string("5")});
    insert(conn(), BenefitRow{"B-1", std::string("H-1"), std::string("lottery"), std::string("2024-01-01"),
                              std::string("2024-01-31"), std::string("1.00")});
    insert(conn(), BenefitRow{"B-2", std::string("H-1"), std::string("other"), std::string("2024-01-31"),
                              std::string("2024-01-01"), std::string("1.00")});
    insert(conn(), NoticeRow{"N-1", std::string("H-1"), std::string("E-1"), std::nullopt});
    run_on(conn(), "2024-06-17");
    EXPECT_EQ(reasons("income_record", "IR-neg"), "negative gross_amount");
    EXPECT_EQ(reasons("income_record", "IR-rev"), "period_end before period_start");
    EXPECT_EQ(reasons("income_record", "IR-hours"), "hours above 744 in one record");
    EXPECT_EQ(reasons("population_event", "EV-x"), "unknown event_type");
    EXPECT_EQ(reasons("company_status", "C-1/2024-01-01"), "unknown status");
    EXPECT_EQ(reasons("study_record", "H-1/I-1/2024-08-01"), "term_end before term_start");
    EXPECT_EQ(reasons("study_record", "H-1/I-1/2024-01-01"), "unknown enrolment");
    EXPECT_EQ(reasons("benefit_payment", "B-1"), "unknown benefit");
    EXPECT_EQ(reasons("benefit_payment", "B-2"), "period_end before period_start");
    EXPECT_EQ(reasons("employment_notice", "N-1"), "employment_ended_on missing");
}

}  // namespace
}  // namespace supervision::test
