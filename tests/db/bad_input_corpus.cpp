#include "db/bad_input_corpus.h"

#include "support/registry_builder.h"

namespace supervision::test {

std::string tagged(const std::string& pattern, const std::string& tag) {
    std::string out;
    for (const char c : pattern) {
        if (c == '#') {
            out += tag;
        } else {
            out += c;
        }
    }
    return out;
}

namespace {

// Unicode white space other than ASCII's, in UTF-8: no-break space (U+00A0), em space
// (U+2003), ideographic space (U+3000).
const std::string kNbsp = "\xc2\xa0";
const std::string kEmSpace = "\xe2\x80\x83";
const std::string kIdeographicSpace = "\xe3\x80\x80";

// The rows each kind spoils: a permit of its own person, and rows of person H-1 (with the
// tag), who holds no permit.
PermitRow bad_permit(const std::string& tag) {
    PermitRow p;
    p.permit_id = "P-bad" + tag;
    p.person_id = "H-bad" + tag;
    return p;
}
IncomeRow bad_income(const std::string& tag) {
    return IncomeRow{"IR-bad" + tag,
                     std::string("H-1" + tag),
                     std::string("E-1"),
                     std::string("2024-05-01"),
                     std::string("2024-05-31"),
                     std::string("4000.00"),
                     std::string("160")};
}
EventRow bad_event(const std::string& tag, const std::string& type = "registered",
                   const std::string& date = "2024-01-05") {
    return event("V-bad" + tag, type, date, "H-1" + tag);
}
StudyRow study(const std::string& tag) {
    return StudyRow{"H-1" + tag,        "I-1", "2024-01-01", std::string("2024-07-31"), std::string("present"),
                    std::string("25.0")};
}
BenefitRow benefit(const std::string& tag) {
    return BenefitRow{"B-bad" + tag,
                      std::string("H-1" + tag),
                      std::string("basic_social_assistance"),
                      std::string("2024-05-01"),
                      std::string("2024-05-31"),
                      std::string("500.00")};
}
NoticeRow notice(const std::string& id, const std::string& tag) {
    return NoticeRow{id + tag, std::string("H-1" + tag), std::string("E-1"), std::string("2024-05-15")};
}

template <typename Row, typename Make, typename F>
TaggedInsert spoiled(Make make, F spoil) {
    return [make, spoil](pqxx::connection& c, const std::string& tag) {
        Row r = make(tag);
        spoil(r);
        insert(c, r);
    };
}
template <typename F>
TaggedInsert permit_with(F spoil) {
    return spoiled<PermitRow>(bad_permit, spoil);
}
template <typename F>
TaggedInsert income_with(F spoil) {
    return spoiled<IncomeRow>(bad_income, spoil);
}
template <typename F>
TaggedInsert event_with(F spoil) {
    return spoiled<EventRow>([](const std::string& tag) { return bad_event(tag); }, spoil);
}
template <typename F>
TaggedInsert study_with(F spoil) {
    return spoiled<StudyRow>(study, spoil);
}
template <typename F>
TaggedInsert benefit_with(F spoil) {
    return spoiled<BenefitRow>(benefit, spoil);
}
template <typename F>
TaggedInsert notice_with(F spoil) {
    return spoiled<NoticeRow>([](const std::string& tag) { return notice("N-bad", tag); }, spoil);
}
TaggedInsert company(const std::string& id, const std::string& status, const std::string& date) {
    return [=](pqxx::connection& c, const std::string& tag) {
        insert(c, CompanyStatusRow{tagged(id, tag), status, date});
    };
}

std::vector<BadRow> make_corpus() {
    return {
        // permit
        {"permit_id_empty", "permit", "", "permit_id empty", permit_with([](PermitRow& p) { p.permit_id = ""; })},
        {"permit_id_padded", "permit", "P-bad#\t", "permit_id has leading or trailing white space",
         permit_with([](PermitRow& p) { p.permit_id += "\t"; })},
        {"permit_person_missing", "permit", "P-bad#", "person_id missing",
         permit_with([](PermitRow& p) { p.person_id.reset(); })},
        {"permit_person_padded", "permit", "P-bad#", "person_id has leading or trailing white space",
         permit_with([](PermitRow& p) { *p.person_id += kNbsp; })},
        {"permit_employer_empty", "permit", "P-bad#", "employer_id empty",
         permit_with([](PermitRow& p) { p.employer_id = ""; })},
        {"permit_employer_padded", "permit", "P-bad#", "employer_id has leading or trailing white space",
         permit_with([](PermitRow& p) { p.employer_id = " E-1"; })},
        {"permit_company_empty", "permit", "P-bad#", "company_id empty", permit_with([](PermitRow& p) {
             p.basis = "growth_entrepreneur";
             p.company_id = "";
         })},
        {"permit_company_padded", "permit", "P-bad#", "company_id has leading or trailing white space",
         permit_with([](PermitRow& p) {
             p.basis = "growth_entrepreneur";
             p.company_id = "C-1\n";
         })},
        {"permit_institution_empty", "permit", "P-bad#", "institution_id empty", permit_with([](PermitRow& p) {
             p.basis = "student";
             p.sequence = "first";
             p.institution_id = "";
         })},
        {"permit_institution_padded", "permit", "P-bad#", "institution_id has leading or trailing white space",
         permit_with([](PermitRow& p) {
             p.basis = "student";
             p.sequence = "first";
             p.institution_id = "I-1 ";
         })},
        {"permit_unknown_basis", "permit", "P-bad#", "unknown basis",
         permit_with([](PermitRow& p) { p.basis = "tourist"; })},
        {"permit_unknown_sequence", "permit", "P-bad#", "unknown sequence",
         permit_with([](PermitRow& p) { p.sequence = "third"; })},
        {"permit_unknown_status", "permit", "P-bad#", "unknown status",
         permit_with([](PermitRow& p) { p.status = "pending"; })},
        {"permit_decision_missing", "permit", "P-bad#", "decision_date missing",
         permit_with([](PermitRow& p) { p.decision_date.reset(); })},
        {"permit_decision_not_a_day", "permit", "P-bad#", "decision_date is not a calendar day",
         permit_with([](PermitRow& p) { p.decision_date = "-infinity"; })},
        {"permit_decision_out_of_range", "permit", "P-bad#", "decision_date out of range",
         permit_with([](PermitRow& p) { p.decision_date = "1799-12-31"; })},
        {"permit_validity_missing", "permit", "P-bad#", "validity dates missing",
         permit_with([](PermitRow& p) { p.valid_from.reset(); })},
        {"permit_valid_from_not_a_day", "permit", "P-bad#", "valid_from is not a calendar day",
         permit_with([](PermitRow& p) { p.valid_from = "-infinity"; })},
        {"permit_valid_from_out_of_range", "permit", "P-bad#", "valid_from out of range",
         permit_with([](PermitRow& p) { p.valid_from = "0001-01-01"; })},
        {"permit_valid_until_not_a_day", "permit", "P-bad#", "valid_until is not a calendar day",
         permit_with([](PermitRow& p) { p.valid_until = "infinity"; })},
        {"permit_valid_until_out_of_range", "permit", "P-bad#", "valid_until out of range",
         permit_with([](PermitRow& p) { p.valid_until = "5874897-12-31"; })},  // the last date; + 1 fails
        {"permit_status_date_not_a_day", "permit", "P-bad#", "status_date is not a calendar day",
         permit_with([](PermitRow& p) {
             p.status = "revoked";
             p.status_date = "infinity";
         })},
        {"permit_status_date_out_of_range", "permit", "P-bad#", "status_date out of range",
         permit_with([](PermitRow& p) {
             p.status = "revoked";
             p.status_date = "300000-01-01";  // after timestamp's range
         })},
        {"permit_reversed_validity", "permit", "P-bad#", "valid_until before valid_from",
         permit_with([](PermitRow& p) { p.valid_until = "2023-12-31"; })},
        {"permit_revoked_without_date", "permit", "P-bad#", "revoked or withdrawn without status_date",
         permit_with([](PermitRow& p) { p.status = "withdrawn"; })},
        {"permit_entrepreneur_without_company", "permit", "P-bad#", "entrepreneur permit without company_id",
         permit_with([](PermitRow& p) {
             p.basis = "growth_entrepreneur";
             p.company_id.reset();
         })},
        {"permit_student_without_institution", "permit", "P-bad#", "student permit without institution_id",
         permit_with([](PermitRow& p) {
             p.basis = "student";
             p.sequence = "first";
         })},
        {"permit_negative_requirement", "permit", "P-bad#", "negative required_monthly_income",
         permit_with([](PermitRow& p) { p.required_monthly_income = "-100.00"; })},
        {"permit_decided_after_validity", "permit", "P-bad#", "decision_date after valid_until",
         permit_with([](PermitRow& p) {
             p.valid_from = "2023-01-01";
             p.valid_until = "2023-12-31";
         })},
        {"permit_status_before_decision", "permit", "P-bad#", "status_date before decision_date",
         permit_with([](PermitRow& p) {
             p.status = "revoked";
             p.status_date = "2023-12-01";
         })},
        {"permit_decided_after_recorded", "permit", "P-bad#", "decision_date after updated_at",
         [](pqxx::connection& c, const std::string& tag) {
             insert(c, bad_permit(tag));
             pqxx::work tx(c);
             tx.exec_params0("UPDATE registry.permit SET updated_at = '2023-12-31 12:00+02' WHERE permit_id = $1",
                             "P-bad" + tag);
             tx.commit();
         }},
        {"permit_overlapping_same_basis", "permit", "P-bad#",
         "overlaps an earlier permit of the same basis and sequence", permit_with([](PermitRow& p) {
             p.decision_date = "2024-05-02";
             p.valid_from = "2024-06-01";
             p.valid_until = "2027-05-31";
         }),
         [](pqxx::connection& c, const std::string& tag) {
             PermitRow first = bad_permit(tag);  // 2024-01-01 … 2026-12-31
             first.permit_id = "P-first" + tag;
             insert(c, first);
         },
         "P-first#"},
        // income_record
        {"income_record_id_empty", "income_record", "", "record_id empty",
         income_with([](IncomeRow& r) { r.record_id = ""; })},
        {"income_record_id_padded", "income_record", " IR-bad#", "record_id has leading or trailing white space",
         income_with([](IncomeRow& r) { r.record_id = " " + r.record_id; })},
        {"income_person_missing", "income_record", "IR-bad#", "person_id missing",
         income_with([](IncomeRow& r) { r.person_id = ""; })},
        {"income_person_padded", "income_record", "IR-bad#", "person_id has leading or trailing white space",
         income_with([](IncomeRow& r) { *r.person_id += "\t"; })},
        {"income_payer_empty", "income_record", "IR-bad#", "payer_id empty",
         income_with([](IncomeRow& r) { r.payer_id = ""; })},
        {"income_payer_padded", "income_record", "IR-bad#", "payer_id has leading or trailing white space",
         income_with([](IncomeRow& r) { r.payer_id = "E-1\r"; })},
        {"income_period_missing", "income_record", "IR-bad#", "period dates missing",
         income_with([](IncomeRow& r) { r.period_end.reset(); })},
        {"income_period_start_not_a_day", "income_record", "IR-bad#", "period_start is not a calendar day",
         income_with([](IncomeRow& r) { r.period_start = "-infinity"; })},
        {"income_period_start_out_of_range", "income_record", "IR-bad#", "period_start out of range",
         income_with([](IncomeRow& r) { r.period_start = "1799-12-31"; })},
        {"income_period_end_not_a_day", "income_record", "IR-bad#", "period_end is not a calendar day",
         income_with([](IncomeRow& r) { r.period_end = "infinity"; })},
        {"income_period_end_out_of_range", "income_record", "IR-bad#", "period_end out of range",
         income_with([](IncomeRow& r) { r.period_end = "300000-01-31"; })},  // after timestamp's range
        {"income_reversed_period", "income_record", "IR-bad#", "period_end before period_start",
         income_with([](IncomeRow& r) { r.period_start = "2024-06-01"; })},
        {"income_amount_missing", "income_record", "IR-bad#", "gross_amount missing",
         income_with([](IncomeRow& r) { r.gross_amount.reset(); })},
        {"income_negative_amount", "income_record", "IR-bad#", "negative gross_amount",
         income_with([](IncomeRow& r) { r.gross_amount = "-400.00"; })},
        {"income_negative_hours", "income_record", "IR-bad#", "negative hours",
         income_with([](IncomeRow& r) { r.hours = "-1"; })},
        {"income_hours_above_the_period", "income_record", "IR-bad#", "hours above 24 a day of the period",
         income_with([](IncomeRow& r) { r.hours = "744.01"; })},  // 24 × 31 days of May = 744
        // population_event
        {"event_id_empty", "population_event", "", "event_id empty", event_with([](EventRow& e) { e.event_id = ""; })},
        {"event_id_padded", "population_event", "V-bad#" + kEmSpace, "event_id has leading or trailing white space",
         event_with([](EventRow& e) { e.event_id += kEmSpace; })},
        {"event_person_missing", "population_event", "V-bad#", "person_id missing",
         event_with([](EventRow& e) { e.person_id.reset(); })},
        {"event_person_padded", "population_event", "V-bad#", "person_id has leading or trailing white space",
         event_with([](EventRow& e) { e.person_id = " " + *e.person_id; })},
        {"event_unknown_type", "population_event", "V-bad#", "unknown event_type",
         event_with([](EventRow& e) { e.event_type = "married"; })},
        {"event_date_missing", "population_event", "V-bad#", "event_date missing",
         event_with([](EventRow& e) { e.event_date.reset(); })},
        {"event_date_not_a_day", "population_event", "V-bad#", "event_date is not a calendar day",
         event_with([](EventRow& e) {
             e.event_type = "deceased";
             e.event_date = "-infinity";
         })},
        {"event_date_out_of_range", "population_event", "V-bad#", "event_date out of range",
         event_with([](EventRow& e) { e.event_date = "4714-11-24 BC"; })},  // the first date
        {"event_duplicate", "population_event", "V-bad#", "duplicate event (same person, type and date)",
         [](pqxx::connection& c, const std::string& tag) { insert(c, bad_event(tag, "emigrated", "2024-03-01")); },
         [](pqxx::connection& c, const std::string& tag) {
             insert(c, event("V-a" + tag, "emigrated", "2024-03-01", "H-1" + tag));
         },
         "V-a#"},
        {"event_after_death", "population_event", "V-bad#", "event after the person's death",
         [](pqxx::connection& c, const std::string& tag) { insert(c, bad_event(tag, "emigrated", "2024-04-01")); },
         [](pqxx::connection& c, const std::string& tag) {
             insert(c, event("V-a" + tag, "deceased", "2024-03-01", "H-1" + tag));
         },
         "V-a#"},
        // company_status: keyed (company_id, status_date)
        {"company_id_empty", "company_status", "/2024-01-01", "company_id empty", company("", "active", "2024-01-01")},
        {"company_id_padded", "company_status", "C-1#" + kIdeographicSpace + "/2024-01-01",
         "company_id has leading or trailing white space", company("C-1#" + kIdeographicSpace, "active", "2024-01-01")},
        {"company_status_date_not_a_day", "company_status", "C-1#/infinity", "status_date is not a calendar day",
         company("C-1#", "bankrupt", "infinity")},
        {"company_status_date_out_of_range", "company_status", "C-1#/1799-12-31", "status_date out of range",
         company("C-1#", "active", "1799-12-31")},
        {"company_unknown_status", "company_status", "C-1#/2024-01-01", "unknown status",
         company("C-1#", "dormant", "2024-01-01")},
        {"company_status_dated_after_received", "company_status", "C-1#/2024-05-01", "status_date after received_at",
         [](pqxx::connection& c, const std::string& tag) {
             insert(c, CompanyStatusRow{"C-1" + tag, std::string("bankrupt"), "2024-05-01"});
             pqxx::work tx(c);
             tx.exec_params0(
                 "UPDATE registry.company_status SET received_at = '2024-04-20 09:00+03' "
                 "WHERE company_id = $1",
                 "C-1" + tag);
             tx.commit();
         }},
        // study_record: keyed (person_id, institution_id, term_start)
        {"study_person_missing", "study_record", "/I-1/2024-01-01", "person_id missing",
         study_with([](StudyRow& s) { s.person_id = ""; })},
        {"study_person_padded", "study_record", "H-1# /I-1/2024-01-01", "person_id has leading or trailing white space",
         study_with([](StudyRow& s) { s.person_id += " "; })},
        {"study_institution_empty", "study_record", "H-1#//2024-01-01", "institution_id empty",
         study_with([](StudyRow& s) { s.institution_id = ""; })},
        {"study_institution_padded", "study_record", "H-1#/\tI-1/2024-01-01",
         "institution_id has leading or trailing white space",
         study_with([](StudyRow& s) { s.institution_id = "\tI-1"; })},
        {"study_term_start_not_a_day", "study_record", "H-1#/I-1/-infinity", "term_start is not a calendar day",
         study_with([](StudyRow& s) { s.term_start = "-infinity"; })},
        {"study_term_start_out_of_range", "study_record", "H-1#/I-1/1799-08-01", "term_start out of range",
         study_with([](StudyRow& s) { s.term_start = "1799-08-01"; })},
        {"study_term_end_missing", "study_record", "H-1#/I-1/2024-01-01", "term_end missing",
         study_with([](StudyRow& s) { s.term_end.reset(); })},
        {"study_term_end_not_a_day", "study_record", "H-1#/I-1/2024-01-01", "term_end is not a calendar day",
         study_with([](StudyRow& s) { s.term_end = "infinity"; })},
        {"study_term_end_out_of_range", "study_record", "H-1#/I-1/2024-01-01", "term_end out of range",
         study_with([](StudyRow& s) { s.term_end = "10000-07-31"; })},
        {"study_reversed_term", "study_record", "H-1#/I-1/2024-01-01", "term_end before term_start",
         study_with([](StudyRow& s) { s.term_end = "2023-12-31"; })},
        {"study_unknown_enrolment", "study_record", "H-1#/I-1/2024-01-01", "unknown enrolment",
         study_with([](StudyRow& s) { s.enrolment = "exchange"; })},
        {"study_negative_credits", "study_record", "H-1#/I-1/2024-01-01", "negative credits",
         study_with([](StudyRow& s) { s.credits = "-5.0"; })},
        // benefit_payment
        {"benefit_payment_id_empty", "benefit_payment", "", "payment_id empty",
         benefit_with([](BenefitRow& b) { b.payment_id = ""; })},
        {"benefit_payment_id_padded", "benefit_payment", "B-bad# ", "payment_id has leading or trailing white space",
         benefit_with([](BenefitRow& b) { b.payment_id += " "; })},
        {"benefit_person_missing", "benefit_payment", "B-bad#", "person_id missing",
         benefit_with([](BenefitRow& b) { b.person_id.reset(); })},
        {"benefit_person_padded", "benefit_payment", "B-bad#", "person_id has leading or trailing white space",
         benefit_with([](BenefitRow& b) { b.person_id = kNbsp + *b.person_id; })},
        {"benefit_unknown_kind", "benefit_payment", "B-bad#", "unknown benefit",
         benefit_with([](BenefitRow& b) { b.benefit = "housing_allowance"; })},
        {"benefit_period_missing", "benefit_payment", "B-bad#", "period dates missing",
         benefit_with([](BenefitRow& b) { b.period_start.reset(); })},
        {"benefit_period_start_not_a_day", "benefit_payment", "B-bad#", "period_start is not a calendar day",
         benefit_with([](BenefitRow& b) { b.period_start = "-infinity"; })},
        {"benefit_period_start_out_of_range", "benefit_payment", "B-bad#", "period_start out of range",
         benefit_with([](BenefitRow& b) { b.period_start = "1799-12-31"; })},
        {"benefit_period_end_not_a_day", "benefit_payment", "B-bad#", "period_end is not a calendar day",
         benefit_with([](BenefitRow& b) { b.period_end = "infinity"; })},
        {"benefit_period_end_out_of_range", "benefit_payment", "B-bad#", "period_end out of range",
         benefit_with([](BenefitRow& b) { b.period_end = "10000-01-01"; })},
        {"benefit_reversed_period", "benefit_payment", "B-bad#", "period_end before period_start",
         benefit_with([](BenefitRow& b) { b.period_end = "2024-04-30"; })},
        {"benefit_amount_missing", "benefit_payment", "B-bad#", "amount missing",
         benefit_with([](BenefitRow& b) { b.amount.reset(); })},
        {"benefit_negative_amount", "benefit_payment", "B-bad#", "negative amount",
         benefit_with([](BenefitRow& b) { b.amount = "-250.00"; })},
        // employment_notice
        {"notice_id_empty", "employment_notice", "", "notice_id empty",
         notice_with([](NoticeRow& n) { n.notice_id = ""; })},
        {"notice_id_padded", "employment_notice", "N-bad#\n", "notice_id has leading or trailing white space",
         notice_with([](NoticeRow& n) { n.notice_id += "\n"; })},
        {"notice_person_missing", "employment_notice", "N-bad#", "person_id missing",
         notice_with([](NoticeRow& n) { n.person_id.reset(); })},
        {"notice_person_padded", "employment_notice", "N-bad#", "person_id has leading or trailing white space",
         notice_with([](NoticeRow& n) { *n.person_id += " "; })},
        {"notice_employer_empty", "employment_notice", "N-bad#", "employer_id empty",
         notice_with([](NoticeRow& n) { n.employer_id = ""; })},
        {"notice_employer_padded", "employment_notice", "N-bad#", "employer_id has leading or trailing white space",
         notice_with([](NoticeRow& n) { n.employer_id = "E-1" + kNbsp; })},
        {"notice_end_missing", "employment_notice", "N-bad#", "employment_ended_on missing",
         notice_with([](NoticeRow& n) { n.employment_ended_on.reset(); })},
        {"notice_end_not_a_day", "employment_notice", "N-bad#", "employment_ended_on is not a calendar day",
         notice_with([](NoticeRow& n) { n.employment_ended_on = "-infinity"; })},
        {"notice_end_out_of_range", "employment_notice", "N-bad#", "employment_ended_on out of range",
         notice_with([](NoticeRow& n) { n.employment_ended_on = "10000-01-01"; })},
        {"notice_duplicate", "employment_notice", "N-bad#", "duplicate notice (same person, employer and date)",
         notice_with([](NoticeRow&) {}),
         [](pqxx::connection& c, const std::string& tag) { insert(c, notice("N-a", tag)); }, "N-a#"},
    };
}

}  // namespace

const std::vector<BadRow>& bad_input_corpus() {
    static const std::vector<BadRow> corpus = make_corpus();
    return corpus;
}

}  // namespace supervision::test
