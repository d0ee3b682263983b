#include "casefile/case_data.h"

#include "db/pg_array.h"
#include "db/statement.h"
#include "errors.h"

#include <set>

namespace supervision::casefile {

namespace {

using Json = nlohmann::json;

// By the column's type (PostgreSQL's type oids): booleans, whole numbers, numerics and
// jsonb as JSON values of their kind; dates and text as text.
Json field_json(const pqxx::field& f) {
    if (f.is_null()) return nullptr;
    switch (f.type()) {
        case 16:
            return f.as<bool>();
        case 20:
        case 21:
        case 23:
            return f.as<long long>();
        case 700:
        case 701:
        case 1700:
            return f.as<double>();
        case 114:
        case 3802:
            return Json::parse(f.c_str());
        default:
            return f.as<std::string>();
    }
}

Json row_json(const pqxx::row& r) {
    Json j = Json::object();
    for (const auto& f : r) j[f.name()] = field_json(f);
    return j;
}

Json rows_json(const pqxx::result& rs) {
    Json j = Json::array();
    for (const auto& r : rs) j.push_back(row_json(r));
    return j;
}

void note_run(std::set<long long>& runs, const Json& row, const char* column) {
    if (row.contains(column) && row[column].is_number()) runs.insert(row[column].get<long long>());
}

std::string permit_of(pqxx::transaction_base& tx, const Subject& s) {
    if (s.permit_id) return *s.permit_id;
    const auto r = db::exec_file(tx, "casefile/review_permit.sql", *s.review_id);
    if (r.empty()) {
        throw UsageError("--review " + std::to_string(*s.review_id) +
                         ": no such review; give the review_id of supervision.work_queue or revocation_review");
    }
    return r[0][0].as<std::string>();
}

}  // namespace

CaseData load_case(pqxx::transaction_base& tx, const Subject& subject) {
    CaseData c;
    c.permit_id = permit_of(tx, subject);
    c.permits = rows_json(db::exec_file(tx, "casefile/holder_permits.sql", c.permit_id));
    if (c.permits.empty()) {
        throw UsageError("--permit " + c.permit_id +
                         ": no such permit under supervision (never enrolled); give the permit_id of a supervised "
                         "permit, of supervision.signal or of a review");
    }
    const auto last = db::exec_file(tx, "casefile/last_run.sql");
    c.last_run = last.empty() ? Json() : row_json(last[0]);
    c.signals = rows_json(db::exec_file(tx, "casefile/signals.sql", c.permit_id));
    std::vector<std::string> permit_ids;
    for (const auto& p : c.permits) permit_ids.push_back(p["permit_id"].get<std::string>());
    c.reviews = rows_json(db::exec_file(tx, "casefile/reviews.sql", db::text_array(permit_ids)));
    std::vector<long long> review_ids;
    for (const auto& r : c.reviews) {
        if (r["permit_id"] == c.permit_id) review_ids.push_back(r["review_id"].get<long long>());
    }
    c.audit = rows_json(db::exec_file(tx, "casefile/audit.sql", db::int_array(review_ids)));
    const Json as_of = c.last_run.is_object() ? c.last_run["as_of"] : Json();
    c.explanations = rows_json(
        db::exec_file(tx, "casefile/explanations.sql", c.permit_id,
                      as_of.is_string() ? std::optional<std::string>(as_of.get<std::string>()) : std::nullopt));
    c.events = rows_json(db::exec_file(tx, "casefile/events.sql", c.permit_id));
    const auto backlog = db::exec_file(tx, "casefile/backlog.sql", c.permit_id);
    c.backlog = backlog.empty() ? Json() : row_json(backlog[0]);

    std::set<long long> runs;
    note_run(runs, c.last_run, "run_id");
    note_run(runs, c.permits[0], "enrolled_run");
    note_run(runs, c.permits[0], "ended_run");
    for (const auto& s : c.signals) {
        for (const char* col : {"raised_run", "resolved_run", "linked_run"}) note_run(runs, s, col);
    }
    for (const auto& r : c.reviews) {
        if (r["permit_id"] == c.permit_id) note_run(runs, r, "opened_run");
    }
    for (const auto& e : c.events) note_run(runs, e, "run_id");
    std::set<std::string> digests;
    for (const auto& r : db::exec_file(tx, "casefile/runs.sql", db::int_array({runs.begin(), runs.end()}))) {
        auto run = row_json(r);
        digests.insert(run["config_digest"].get<std::string>());
        c.runs[run["run_id"].get<long long>()] = run;
    }
    for (const auto& r : db::exec_file(tx, "casefile/configs.sql", db::text_array({digests.begin(), digests.end()}))) {
        c.configs[r["config_digest"].as<std::string>()] = Json::parse(r["config"].c_str());
    }
    return c;
}

}  // namespace supervision::casefile
