#pragma once
// Reading what the run wrote, for assertions.
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include <optional>
#include <string>
#include <vector>

namespace supervision::test {

struct SignalRow {
    long long signal_id = 0;
    std::string permit_id;
    std::string signal_type;
    std::string signal_key;
    std::string status;        // open | resolved
    std::string period_start;  // YYYY-MM-DD
    std::string period_end;
    std::string raised_on;
    std::optional<std::string> resolved_on;
    std::optional<std::string> resolution;
    double weight = 0;
    nlohmann::json evidence;
    std::optional<long long> review_id;
};

// All signals of a permit (optionally of one type), oldest first.
std::vector<SignalRow> signals_of(pqxx::connection& c, const std::string& permit_id,
                                  const std::string& signal_type = "");
// The open signal of a permit and type, if any.
std::optional<SignalRow> open_signal(pqxx::connection& c, const std::string& permit_id, const std::string& signal_type);

struct ReviewRow {
    long long review_id = 0;
    std::string permit_id;
    std::string queue;
    double priority = 0;
    std::string status;
    std::optional<std::string> outcome;
    std::string opened_on;
    std::string due_on;
    std::optional<std::string> closed_on;
    nlohmann::json evidence;
};

std::vector<ReviewRow> reviews_of(pqxx::connection& c, const std::string& permit_id);

}  // namespace supervision::test
