#include "support/signal_queries.h"

namespace supervision::test {

namespace {
constexpr const char* kSignals =
    "SELECT signal_id, permit_id, signal_type, signal_key, status, period_start::text, period_end::text, "
    "raised_on::text, resolved_on::text, resolution, weight::float8, evidence::text, review_id "
    "FROM supervision.signal WHERE permit_id = $1 AND ($2 = '' OR signal_type = $2) ORDER BY signal_id";
constexpr const char* kReviews =
    "SELECT review_id, permit_id, queue, priority::float8, status, outcome, opened_on::text, due_on::text, "
    "closed_on::text, evidence::text FROM supervision.revocation_review WHERE permit_id = $1 ORDER BY review_id";

std::optional<std::string> opt(const pqxx::field& f) {
    return f.is_null() ? std::nullopt : std::optional<std::string>(f.as<std::string>());
}
}  // namespace

std::vector<SignalRow> signals_of(pqxx::connection& c, const std::string& permit_id, const std::string& signal_type) {
    pqxx::read_transaction tx(c);
    std::vector<SignalRow> out;
    for (const auto& r : tx.exec_params(kSignals, permit_id, signal_type)) {
        SignalRow s;
        s.signal_id = r[0].as<long long>();
        s.permit_id = r[1].as<std::string>();
        s.signal_type = r[2].as<std::string>();
        s.signal_key = r[3].as<std::string>();
        s.status = r[4].as<std::string>();
        s.period_start = r[5].as<std::string>();
        s.period_end = r[6].as<std::string>();
        s.raised_on = r[7].as<std::string>();
        s.resolved_on = opt(r[8]);
        s.resolution = opt(r[9]);
        s.weight = r[10].as<double>();
        s.evidence = nlohmann::json::parse(r[11].as<std::string>());
        if (!r[12].is_null()) s.review_id = r[12].as<long long>();
        out.push_back(std::move(s));
    }
    return out;
}

std::optional<SignalRow> open_signal(pqxx::connection& c, const std::string& permit_id,
                                     const std::string& signal_type) {
    for (auto& s : signals_of(c, permit_id, signal_type)) {
        if (s.status == "open") return s;
    }
    return std::nullopt;
}

std::vector<ReviewRow> reviews_of(pqxx::connection& c, const std::string& permit_id) {
    pqxx::read_transaction tx(c);
    std::vector<ReviewRow> out;
    for (const auto& r : tx.exec_params(kReviews, permit_id)) {
        ReviewRow v;
        v.review_id = r[0].as<long long>();
        v.permit_id = r[1].as<std::string>();
        v.queue = r[2].as<std::string>();
        v.priority = r[3].as<double>();
        v.status = r[4].as<std::string>();
        v.outcome = opt(r[5]);
        v.opened_on = r[6].as<std::string>();
        v.due_on = r[7].as<std::string>();
        v.closed_on = opt(r[8]);
        v.evidence = nlohmann::json::parse(r[9].as<std::string>());
        out.push_back(std::move(v));
    }
    return out;
}

}  // namespace supervision::test
