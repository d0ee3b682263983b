// Each signal type's evidence, in the shape its rule writes it (sql/run/signals/<type>.sql
// and common_evidence.sql), in sentences: every figure, month or term, parameter with the
// day it came into force, and register completeness is said, and no fact is left over.
#include "casefile/evidence_text.h"

#include <gtest/gtest.h>

namespace supervision::casefile {
namespace {

using Json = nlohmann::json;

Json common(const std::string& type, double weight) {
    return {{"signal_type", type},        {"rule", "rules.md §5 " + type},
            {"config_version", "2026.1"}, {"config_digest", "abc123"},
            {"weight", weight},           {"weight_in_force_from", "2000-01-01"}};
}

std::string all(const std::vector<std::string>& sentences) {
    std::string out;
    for (const auto& s : sentences) out += s + "\n";
    return out;
}

void expect_said(const std::string& type, const Json& evidence, const std::vector<std::string>& parts) {
    Json e = common(type, 1.0);
    e.update(evidence);
    const std::string text = all(describe_evidence(type, e));
    for (const auto& p : parts)
        EXPECT_NE(text.find(p), std::string::npos) << type << ": «" << p << "» not in:\n" << text;
    EXPECT_EQ(text.find("Also recorded"), std::string::npos) << type << " leaves a fact unsaid:\n" << text;
    EXPECT_NE(text.find("Weight 1 in the score (in force from 2000-01-01)."), std::string::npos) << text;
    EXPECT_NE(text.find("Decided by rules.md §5 " + type + " under configuration 2026.1 (digest abc123)."),
              std::string::npos)
        << text;
}

TEST(EvidenceText, IncomeBelowRequirement) {
    expect_said(
        "income_below_requirement", Json::parse(R"({"months": [
                    {"month": "2025-07", "income": 1200.5, "requirement": 3827, "requirement_source": "configuration",
                     "requirement_in_force_from": "2025-01-01"},
                    {"month": "2025-08", "income": 0, "requirement": 3000, "requirement_source": "permit",
                     "requirement_in_force_from": null},
                    {"month": "2025-09", "income": 4100, "requirement": 3827, "requirement_source": "configuration",
                     "requirement_in_force_from": "2025-01-01"}],
                  "average_income": 1766.83, "average_requirement": 3551.33,
                  "window_months": {"value": 3, "in_force_from": "2000-01-01"}, "grace_months": 0,
                  "incomes_complete_through": "2025-10-31"})"),
        {"Over the 3 months 2025-07, 2025-08 and 2025-09, the holder's gross income averaged €1,766.83 a month, "
         "below the average requirement of €3,551.33.",
         "2025-07: income €1,200.50 against a requirement of €3,827.00 (the configured requirement in force "
         "from 2025-01-01).",
         "2025-08: income €0.00 against a requirement of €3,000.00 (the permit's own requirement).",
         "the last 3 evaluation months (in force from 2000-01-01)", "no grace months",
         "Figures from the Incomes Register, complete through 2025-10-31."});
}

TEST(EvidenceText, NoIncomeWithEachPeriodRule) {
    const Json base = Json::parse(R"({"months": ["2025-06", "2025-07", "2025-08"], "income_in_months": 0,
        "long_work_history_days": 730, "grace_months": 2, "incomes_complete_through": "2025-09-30"})");
    Json general = base;
    general["unemployment_months"] = {{"value", 3}, {"in_force_from", "2000-01-01"}, {"rule", "general"}};
    general["long_work_history_from"] = nullptr;
    expect_said(
        "no_income", general,
        {"No income was reported for the holder in any of the 3 months 2025-06, 2025-07 and 2025-08 (total €0.00).",
         "The period allowed without income is 3 months (in force from 2000-01-01): the general period.",
         "do not reach a work history of 730 days.",
         "The first 2 months of the permit's validity are not "
         "evaluated (grace).",
         "complete through 2025-09-30"});
    Json history = base;
    history["unemployment_months"] = {{"value", 6}, {"in_force_from", "2025-06-11"}, {"rule", "work_history"}};
    history["long_work_history_from"] = "2024-03-01";
    expect_said("no_income", history,
                {"6 months (in force from 2025-06-11): the long period for a long work history.",
                 "reach a work history of 730 days on 2024-03-01."});
    Json basis = base;
    basis["unemployment_months"] = {{"value", 6}, {"in_force_from", "2025-06-11"}, {"rule", "basis"}};
    basis["long_work_history_from"] = nullptr;
    expect_said("no_income", basis, {"the long period for specialists and EU Blue Card holders."});
}

TEST(EvidenceText, EmploymentEndedWithAndWithoutCompleteMonths) {
    expect_said("employment_ended", Json::parse(R"({"notices": [
                    {"notice_id": "N-1", "employer_id": "E-1", "employment_ended_on": "2025-06-15", "complete_months_after": 2},
                    {"notice_id": "N-2", "employer_id": "E-2", "employment_ended_on": "2025-08-31", "complete_months_after": 0}],
                  "income_after_end_month": 0, "incomes_complete_through": "2025-08-31"})"),
                {"Employer E-1 reported (notice N-1) that the employment ended on 2025-06-15. No income has been "
                 "reported in the 2 complete months after the end month (total €0.00).",
                 "Employer E-2 reported (notice N-2) that the employment ended on 2025-08-31. No month after the end "
                 "month is complete in the Incomes Register yet: the notice alone raises the signal."});
}

TEST(EvidenceText, TheEventAndRegisterTypes) {
    expect_said("emigrated", Json::parse(R"({"event_id": "EV-1", "event_type": "emigrated", "event_date": "2025-03-02",
                                "valid_from": "2024-01-01", "population_complete_through": "2025-03-31"})"),
                {"records the holder's emigration on 2025-03-02 (event EV-1), on or after the permit's validity began "
                 "on 2024-01-01.",
                 "Figures from the population register, complete through 2025-03-31."});
    expect_said("not_moved_to_finland",
                Json::parse(R"({"valid_from": "2025-01-15", "expected_registration_by": "2025-04-15",
                                "registered_events": 0, "population_complete_through": "2025-05-31"})"),
                {"The permit became valid on 2025-01-15; the holder was to be registered as living in Finland by "
                 "2025-04-15",
                 "records 0 registrations of the holder."});
    expect_said(
        "company_inactive", Json::parse(R"({"company_id": "C-9", "status": "bankrupt", "status_date": "2025-02-01",
                                "companies_complete_through": null})"),
        {"company C-9 is 'bankrupt', dated 2025-02-01.", "No complete period was recorded for the trade register."});
}

TEST(EvidenceText, StudiesInBothReasons) {
    expect_said("study_inactive", Json::parse(R"({"reason": "latest_term_not_present",
                  "latest_term": {"name": "autumn", "start": "2024-08-01", "end": "2024-12-31", "status": "no_record", "credits": 0},
                  "previous_term": {"name": "spring", "start": "2024-01-01", "end": "2024-07-31", "status": "present", "credits": 12.5},
                  "grace_months": 2, "studies_complete_through": "2025-01-31"})"),
                {"In the latest term looked at, the autumn term 2024-08-01 to 2024-12-31, the study register shows no "
                 "study record.",
                 "The term before, the spring term 2024-01-01 to 2024-07-31, shows attending, 12.5 credits.",
                 "Figures from the study register, complete through 2025-01-31."});
    expect_said(
        "study_inactive", Json::parse(R"({"reason": "two_terms_without_credits",
                  "latest_term": {"name": "autumn", "start": "2024-08-01", "end": "2024-12-31", "status": "present", "credits": 0},
                  "previous_term": {"name": "spring", "start": "2024-01-01", "end": "2024-07-31", "status": "present", "credits": 0},
                  "grace_months": 0, "studies_complete_through": "2025-01-31"})"),
        {"attended the last two terms looked at and earned no credits in either: the spring term 2024-01-01 to "
         "2024-07-31 (attending, 0 credits) and the autumn term 2024-08-01 to 2024-12-31 (attending, 0 credits)."});
}

TEST(EvidenceText, StudentHoursSocialAssistanceAndThematic) {
    expect_said(
        "student_work_hours_exceeded",
        Json::parse(R"({"years": [{"year": 2025, "hours": 1702.5, "cap": 1560, "cap_in_force_from": "2022-04-15"}],
                                "hours_counted_through": "2025-11-04"})"),
        {"In 2025 the holder worked 1,702.5 hours by the Incomes Register, more than the cap of 1,560 hours a "
         "year (in force from 2022-04-15).",
         "through 2025-11-04."});
    expect_said(
        "social_assistance",
        Json::parse(R"({"payments": [{"payment_id": "B-1", "period_start": "2025-07-01", "period_end": "2025-07-31",
                                              "amount": 512.3}],
                                "window_months": {"value": 3, "in_force_from": "2000-01-01"}, "grace_months": 2,
                                "benefits_complete_through": "2025-09-30"})"),
        {"Basic social assistance of €512.30 was paid for 2025-07-01 to 2025-07-31 (payment B-1).",
         "The rule looks at the last 3 evaluation months (in force from 2000-01-01).",
         "Figures from Kela's benefit register, complete through 2025-09-30."});
    expect_said("thematic",
                Json::parse(R"({"campaign_id": "autumn", "active_from": "2025-09-01", "active_until": "2025-12-31",
                  "selection": {"bases": ["student"], "sequences": ["first"], "decided_from": null, "decided_until": null,
                                "with_open_signal": ["no_income", "emigrated"]},
                  "matched_open_signals": ["emigrated"]})"),
                {"selected by the thematic campaign autumn, active from 2025-09-01 to 2025-12-31: permits of the bases "
                 "student, sequences first.",
                 "only permits with an open signal of no_income and emigrated; this "
                 "permit has emigrated."});
}

TEST(EvidenceText, AnUnknownTypeOrFactIsStillListed) {
    const auto s = describe_evidence("new_type", Json{{"figure", 3}, {"note", "x"}});
    EXPECT_EQ(s, (std::vector<std::string>{"Also recorded: figure = 3.", "Also recorded: note = x."}));
    EXPECT_EQ(signal_title("new_type"), "new_type");
    EXPECT_EQ(signal_title("no_income"), "No income");
}

TEST(EvidenceText, Figures) {
    EXPECT_EQ(money(3827), "€3,827.00");
    EXPECT_EQ(money(1234567.891), "€1,234,567.89");
    EXPECT_EQ(money(-5.5), "-€5.50");
    EXPECT_EQ(figure(1700), "1,700");
    EXPECT_EQ(figure(1.5), "1.5");
    EXPECT_EQ(figure(2.999), "3");
    EXPECT_EQ(figure(-0.5), "-0.5");
    EXPECT_EQ(figure(-0.001), "0");
    EXPECT_EQ(joined({"a"}), "a");
    EXPECT_EQ(joined({"a", "b", "c"}), "a, b and c");
    EXPECT_EQ(text_of(nullptr), "none");
    EXPECT_EQ(short_digest("0123456789abcdef"), "0123456789ab\u2026");
    EXPECT_EQ(short_digest("abc123"), "abc123");
}

}  // namespace
}  // namespace supervision::casefile
