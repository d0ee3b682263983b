#pragma once
// The command line as plain structs: one field per option, with its default.
#include <optional>
#include <string>

namespace supervision::cli {

struct GlobalOptions {
    std::string db;                                  // libpq string or URI; empty: libpq environment
    std::string config = "config/supervision.yaml";  // the YAML configuration
    std::string log_level = "info";                  // trace, debug, info, warn, error
    std::string log_format = "text";                 // text, or json: one JSON object per line
    int connect_attempts = 3;                        // tries to reach PostgreSQL at start (exit 4 after)
    int connect_wait_ms = 500;                       // wait before the second try; waits double
};

struct RunCommand {
    std::optional<std::string> as_of;  // YYYY-MM-DD; default today in Europe/Helsinki
    bool dry_run = false;              // compute, write nothing, print counts
    std::string metrics_file;          // Prometheus textfile; empty: none (dry runs write none)
    int workers = 1;                   // evaluation sessions at once, by person (docs/performance.md)
    bool full = false;                 // evaluate every person, whatever changed (docs/incremental.md)
    int full_every_days = 7;           // a full evaluation at least this often (docs/incremental.md)
    int lock_timeout_s = 1800;         // a lock waited for longer ends the run with exit 4 (docs/operations.md)
};

// `explain`: one permit's case file, asked for by the permit or by one of its reviews.
struct ExplainCommand {
    std::optional<std::string> permit;  // a permit_id
    std::optional<long long> review;    // a review_id
    std::string format = "json";        // json | html
    std::optional<std::string> out;     // a file to write; none: standard output
};

struct DemoLoadCommand {
    long long permits = 20000;         // number of permits to generate
    long long seed = 42;               // same seed, size and as_of: same registers
    std::optional<std::string> as_of;  // the day the registers describe; default today
    bool replace = false;              // required when registry tables already hold rows
};

struct DemoSuperviseCommand {
    std::optional<std::string> until;  // the last day the supervisors work; default today
    long long seed = 42;               // same seed and days: same decisions
};

}  // namespace supervision::cli
