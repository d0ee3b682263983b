#pragma once
// Running the nightly job in-process against the test database.
#include "config/config.h"
#include "run/nightly.h"

#include <pqxx/pqxx>
#include <string>
#include <utility>
#include <vector>

namespace supervision::test {

// The project's default configuration (config/supervision.yaml), loaded once.
const config::Config& default_config();
std::string source_path(const std::string& relative);

// The default configuration with one snippet of its text replaced (the snippet must
// occur exactly once), for tests of other settings.
config::Config config_replacing(const std::string& snippet, const std::string& replacement);
config::Config config_replacing(const std::vector<std::pair<std::string, std::string>>& replacements);

// The default configuration with one thematic campaign (a YAML flow mapping, "{id: …}"), so
// that every signal type can occur, and a work queue of 3 reviews a day, so that it has a
// backlog.
config::Config config_with_campaign(const std::string& campaign);

// The demo registers the end-to-end and role tests run on: 3 000 permits, seed 7, as of
// `as_of`, replacing what the registry holds.
void load_small_demo(pqxx::connection& c, const std::string& as_of);

run::RunResult run_on(pqxx::connection& c, const std::string& as_of, bool dry_run = false);
run::RunResult run_on(pqxx::connection& c, const config::Config& cfg, const std::string& as_of, bool dry_run = false);

// Runs the supervision binary with arguments; returns its exit code; output captured.
struct Process {
    int exit_code = -1;
    std::string out;
    std::string err;
};
Process run_binary(const std::string& args);
// The same, with `wrapper` before the binary (e.g. "setpriv --reuid=65534 …" to run it as
// another user).
Process run_binary_with(const std::string& wrapper, const std::string& args);

}  // namespace supervision::test
