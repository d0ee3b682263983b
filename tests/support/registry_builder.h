#pragma once
// Writes registry rows for tests: each row type has defaults so that a test states only
// what matters to it.
#include <pqxx/pqxx>

#include <optional>
#include <string>

namespace supervision::test {

using Text = std::optional<std::string>;

struct PermitRow {
    std::string permit_id = "P-1";
    Text person_id = std::string("H-1");
    Text basis = std::string("specialist");
    Text sequence = std::string("extended");
    Text decision_date = std::string("2024-01-01");
    Text valid_from = std::string("2024-01-01");
    Text valid_until = std::string("2026-12-31");
    Text status = std::string("granted");
    Text status_date;
    Text employer_id = std::string("E-1");
    Text company_id;
    Text institution_id;
    Text required_monthly_income;
};

struct IncomeRow {
    std::string record_id;
    Text person_id = std::string("H-1");
    Text payer_id = std::string("E-1");
    Text period_start;
    Text period_end;
    Text gross_amount = std::string("4000.00");
    Text hours;
};

struct EventRow {
    std::string event_id;
    Text person_id = std::string("H-1");
    Text event_type = std::string("registered");
    Text event_date;
};

struct CompanyStatusRow {
    std::string company_id = "C-1";
    Text status = std::string("active");
    std::string status_date;
};

struct StudyRow {
    std::string person_id = "H-1";
    std::string institution_id = "I-1";
    std::string term_start;
    Text term_end;
    Text enrolment = std::string("present");
    Text credits = std::string("25.0");
};

struct BenefitRow {
    std::string payment_id;
    Text person_id = std::string("H-1");
    Text benefit = std::string("basic_social_assistance");
    Text period_start;
    Text period_end;
    Text amount = std::string("500.00");
};

struct NoticeRow {
    std::string notice_id;
    Text person_id = std::string("H-1");
    Text employer_id = std::string("E-1");
    Text employment_ended_on;
};

// A growth-entrepreneur extended permit valid 2024-06-01..2026-05-31 (decided 2024-05-01),
// enrolled under growth-extended from its first day: no income signals and no
// not_moved_to_finland to get in the way of event-signal tests.
PermitRow growth_extended(const std::string& id, const std::string& person, const std::string& company);

// A population event of the person (default H-1).
EventRow event(const std::string& id, const std::string& type, const std::string& date,
               const std::string& person = "H-1");

void insert(pqxx::connection& c, const PermitRow& r);
void insert(pqxx::connection& c, const IncomeRow& r);
void insert(pqxx::connection& c, const EventRow& r);
void insert(pqxx::connection& c, const CompanyStatusRow& r);
void insert(pqxx::connection& c, const StudyRow& r);
void insert(pqxx::connection& c, const BenefitRow& r);
void insert(pqxx::connection& c, const NoticeRow& r);
// One source_status row; refreshed_at defaults to the complete_through day at 06:00.
void set_source(pqxx::connection& c, const std::string& source, const std::string& complete_through,
                const Text& refreshed_at = std::nullopt);
// Every register complete through `complete_through`, refreshed then.
void set_all_sources(pqxx::connection& c, const std::string& complete_through);

// Runs one parameterised statement in its own transaction (for data changes in tests).
void exec(pqxx::connection& c, const std::string& sql);

}  // namespace supervision::test
