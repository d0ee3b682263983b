#include "support/registry_builder.h"

namespace supervision::test {

namespace {
constexpr const char* kPermit =
    "INSERT INTO registry.permit (permit_id, person_id, basis, sequence, decision_date, valid_from, valid_until, "
    "status, status_date, employer_id, company_id, institution_id, required_monthly_income, updated_at) "
    "VALUES ($1, $2, $3, $4, $5::date, $6::date, $7::date, $8, $9::date, $10, $11, $12, $13::numeric, now())";
constexpr const char* kIncome =
    "INSERT INTO registry.income_record (record_id, person_id, payer_id, period_start, period_end, gross_amount, "
    "hours, received_at) VALUES ($1, $2, $3, $4::date, $5::date, $6::numeric, $7::numeric, now())";
constexpr const char* kEvent =
    "INSERT INTO registry.population_event (event_id, person_id, event_type, event_date, received_at) "
    "VALUES ($1, $2, $3, $4::date, now())";
constexpr const char* kCompany =
    "INSERT INTO registry.company_status (company_id, status, status_date, received_at) "
    "VALUES ($1, $2, $3::date, now())";
constexpr const char* kStudy =
    "INSERT INTO registry.study_record (person_id, institution_id, term_start, term_end, enrolment, credits, "
    "received_at) VALUES ($1, $2, $3::date, $4::date, $5, $6::numeric, now())";
constexpr const char* kBenefit =
    "INSERT INTO registry.benefit_payment (payment_id, person_id, benefit, period_start, period_end, amount, "
    "received_at) VALUES ($1, $2, $3, $4::date, $5::date, $6::numeric, now())";
constexpr const char* kNotice =
    "INSERT INTO registry.employment_notice (notice_id, person_id, employer_id, employment_ended_on, received_at) "
    "VALUES ($1, $2, $3, $4::date, now())";
constexpr const char* kSource =
    "INSERT INTO registry.source_status (source, complete_through, refreshed_at) "
    "VALUES ($1, $2::date, coalesce($3::timestamptz, $2::date + time '06:00')) "
    "ON CONFLICT (source) DO UPDATE SET complete_through = EXCLUDED.complete_through, "
    "refreshed_at = EXCLUDED.refreshed_at";

template <typename... Args>
void run(pqxx::connection& c, const char* sql, Args&&... args) {
    pqxx::work tx(c);
    tx.exec_params(sql, std::forward<Args>(args)...);
    tx.commit();
}
}  // namespace

PermitRow growth_extended(const std::string& id, const std::string& person, const std::string& company) {
    PermitRow p;
    p.permit_id = id;
    p.person_id = person;
    p.basis = "growth_entrepreneur";
    p.sequence = "extended";
    p.decision_date = "2024-05-01";
    p.valid_from = "2024-06-01";
    p.valid_until = "2026-05-31";
    p.employer_id = std::nullopt;
    p.company_id = company;
    return p;
}

EventRow event(const std::string& id, const std::string& type, const std::string& date, const std::string& person) {
    return EventRow{id, person, type, date};
}

void insert(pqxx::connection& c, const PermitRow& r) {
    run(c, kPermit, r.permit_id, r.person_id, r.basis, r.sequence, r.decision_date, r.valid_from, r.valid_until,
        r.status, r.status_date, r.employer_id, r.company_id, r.institution_id, r.required_monthly_income);
}
void insert(pqxx::connection& c, const IncomeRow& r) {
    run(c, kIncome, r.record_id, r.person_id, r.payer_id, r.period_start, r.period_end, r.gross_amount, r.hours);
}
void insert(pqxx::connection& c, const EventRow& r) {
    run(c, kEvent, r.event_id, r.person_id, r.event_type, r.event_date);
}
void insert(pqxx::connection& c, const CompanyStatusRow& r) {
    run(c, kCompany, r.company_id, r.status, r.status_date);
}
void insert(pqxx::connection& c, const StudyRow& r) {
    run(c, kStudy, r.person_id, r.institution_id, r.term_start, r.term_end, r.enrolment, r.credits);
}
void insert(pqxx::connection& c, const BenefitRow& r) {
    run(c, kBenefit, r.payment_id, r.person_id, r.benefit, r.period_start, r.period_end, r.amount);
}
void insert(pqxx::connection& c, const NoticeRow& r) {
    run(c, kNotice, r.notice_id, r.person_id, r.employer_id, r.employment_ended_on);
}

void set_source(pqxx::connection& c, const std::string& source, const std::string& complete_through,
                const Text& refreshed_at) {
    run(c, kSource, source, complete_through, refreshed_at);
}

void set_all_sources(pqxx::connection& c, const std::string& complete_through) {
    for (const char* s : {"incomes", "population", "companies", "studies", "benefits", "notices"}) {
        set_source(c, s, complete_through);
    }
}

void exec(pqxx::connection& c, const std::string& sql) {
    pqxx::work tx(c);
    tx.exec0(sql);
    tx.commit();
}

}  // namespace supervision::test
