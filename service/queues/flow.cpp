#include "queues/flow.h"

#include "db/pg_array.h"
#include "db/statement.h"

namespace supervision::queues {

namespace {

nlohmann::json number_or_null(const pqxx::field& f) {
    return f.is_null() ? nlohmann::json() : nlohmann::json(f.as<double>());
}

nlohmann::json whole_or_null(const pqxx::field& f) {
    return f.is_null() ? nlohmann::json() : nlohmann::json(f.as<long long>());
}

nlohmann::json flow_row(const pqxx::row& r) {
    nlohmann::json j;
    if (!r["queue"].is_null()) j["queue"] = r["queue"].as<std::string>();
    j["open"] = r["open"].as<long long>();
    j["hearing"] = r["hearing"].as<long long>();
    j["due_within_7_days"] = r["due_within_7_days"].as<long long>();
    j["overdue"] = r["overdue"].as<long long>();
    j["open_age_days"] = {{"median", number_or_null(r["open_age_median_days"])},
                          {"max", whole_or_null(r["open_age_max_days"])}};
    j["backlog"] = r["backlog"].as<long long>();
    j["backlog_age_days"] = {{"median", number_or_null(r["backlog_age_median_days"])},
                             {"max", whole_or_null(r["backlog_age_max_days"])}};
    j["closed"] = r["closed"].as<long long>();
    j["decision_days"] = {{"median", number_or_null(r["decision_median_days"])},
                          {"p90", number_or_null(r["decision_p90_days"])}};
    j["month"] = {{"month", r["month"].as<std::string>()},
                  {"opened", r["month_opened"].as<long long>()},
                  {"decided", r["month_decided"].as<long long>()},
                  {"decided_per_opened", number_or_null(r["month_decided_per_opened"])}};
    return j;
}

}  // namespace

nlohmann::json flow(pqxx::transaction_base& tx, rules::Day as_of) {
    return flow(tx, as_of, {});
}

nlohmann::json flow(pqxx::transaction_base& tx, rules::Day as_of, const std::vector<std::string>& queues) {
    nlohmann::json out{
        {"as_of", rules::to_iso(as_of)}, {"due_within_days", kDueSoonDays}, {"queues", nlohmann::json::array()}};
    for (const auto& r : db::exec_file(tx, "queues/flow.sql", rules::to_iso(as_of), db::text_array(queues))) {
        if (r["queue"].is_null()) {
            out["total"] = flow_row(r);
        } else {
            out["queues"].push_back(flow_row(r));
        }
    }
    return out;
}

nlohmann::json months(pqxx::transaction_base& tx, rules::Day as_of, const std::vector<std::string>& queues) {
    nlohmann::json out{{"by_queue", nlohmann::json::array()}, {"total", nlohmann::json::array()}};
    for (const auto& r : db::exec_file(tx, "queues/months.sql", rules::to_iso(as_of), db::text_array(queues))) {
        nlohmann::json m{{"month", r["month"].as<std::string>()},
                         {"opened", r["opened"].as<long long>()},
                         {"decided", r["decided"].as<long long>()},
                         {"decided_per_opened", number_or_null(r["decided_per_opened"])}};
        if (r["queue"].is_null()) {
            out["total"].push_back(m);
        } else {
            m["queue"] = r["queue"].as<std::string>();
            out["by_queue"].push_back(m);
        }
    }
    return out;
}

}  // namespace supervision::queues
