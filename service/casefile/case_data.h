#pragma once
// The rows of one case file, read in one snapshot: the permit and its holder's other
// permits, the permit's signals, reviews and their audit trail, the explanations and
// events, its place in the backlog, and the runs (with their configurations) that did each
// step. Only the holder's rows are read; of other permits only the backlog's count.
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include <map>
#include <optional>
#include <string>

namespace supervision::casefile {

// What `explain` was asked for: a permit, or a review (whose permit the file is about).
struct Subject {
    std::optional<std::string> permit_id;
    std::optional<long long> review_id;
};

// Rows as JSON objects keyed by column (dates as YYYY-MM-DD text, jsonb as JSON).
struct CaseData {
    std::string permit_id;
    nlohmann::json last_run;                        // the last completed run, or null
    nlohmann::json permits;                         // the asked permit first, then the holder's others
    nlohmann::json signals;                         // of the permit
    nlohmann::json reviews;                         // of every permit of the holder
    nlohmann::json audit;                           // of the permit's reviews
    nlohmann::json explanations;                    // of the permit
    nlohmann::json events;                          // of the permit
    nlohmann::json backlog;                         // the permit's backlog row with its rank, or null
    std::map<long long, nlohmann::json> runs;       // every run a step names
    std::map<std::string, nlohmann::json> configs;  // the configuration of each of those runs, by digest
};

// Reads the case. A review or permit that does not exist (a permit never under
// supervision included) is a UsageError (exit 2) naming it.
CaseData load_case(pqxx::transaction_base& tx, const Subject& subject);

}  // namespace supervision::casefile
