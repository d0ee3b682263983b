#include "support/run_helpers.h"

#include "config/loader.h"
#include "demo/demo_loader.h"

#include <sys/wait.h>
#include <unistd.h>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace supervision::test {

std::string source_path(const std::string& relative) {
    return std::string(SUPERVISION_SOURCE_DIR) + "/" + relative;
}

const config::Config& default_config() {
    static const config::Config c = config::load_config(source_path("config/supervision.yaml"));
    return c;
}

config::Config config_replacing(const std::vector<std::pair<std::string, std::string>>& replacements) {
    std::ifstream in(source_path("config/supervision.yaml"));
    std::stringstream text;
    text << in.rdbuf();
    std::string yaml = text.str();
    for (const auto& [snippet, replacement] : replacements) {
        const auto at = yaml.find(snippet);
        if (at == std::string::npos || yaml.find(snippet, at + 1) != std::string::npos) {
            throw std::logic_error("snippet must occur exactly once in the default configuration: " + snippet);
        }
        yaml.replace(at, snippet.size(), replacement);
    }
    return config::load_config_text(yaml, "test-config.yaml");
}

config::Config config_replacing(const std::string& snippet, const std::string& replacement) {
    return config_replacing({{snippet, replacement}});
}

config::Config config_with_campaign(const std::string& campaign) {
    const std::string work = "bases: [specialist, eu_blue_card, employed, other_work]\n    daily_capacity: ";
    return config_replacing({{"campaigns: []", "campaigns:\n  - " + campaign},
                             {work + "[{from: 2000-01-01, value: 50}]", work + "[{from: 2000-01-01, value: 3}]"}});
}

void load_small_demo(pqxx::connection& c, const std::string& as_of) {
    demo::load_demo(c, demo::DemoSpec{3000, 7, *rules::parse_iso_date(as_of), true});
}

run::RunResult run_on(pqxx::connection& c, const config::Config& cfg, const std::string& as_of, bool dry_run) {
    run::RunOptions o;
    o.as_of = rules::parse_iso_date(as_of);
    // The rules are tested on days of any year: the test's day is today for the run.
    o.today = o.as_of;
    o.dry_run = dry_run;
    return run::run_nightly(c, cfg, o);
}

run::RunResult run_on(pqxx::connection& c, const std::string& as_of, bool dry_run) {
    return run_on(c, default_config(), as_of, dry_run);
}

namespace {
std::string slurp(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}
}  // namespace

Process run_binary(const std::string& args) {
    return run_binary_with("", args);
}

Process run_binary_with(const std::string& wrapper, const std::string& args) {
    const std::string base = "/tmp/supervision_test_" + std::to_string(getpid());
    const std::string cmd =
        wrapper + " " + std::string(SUPERVISION_BINARY) + " " + args + " >" + base + ".out 2>" + base + ".err";
    const int status = std::system(cmd.c_str());
    Process p;
    p.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    p.out = slurp(base + ".out");
    p.err = slurp(base + ".err");
    std::remove((base + ".out").c_str());
    std::remove((base + ".err").c_str());
    return p;
}

}  // namespace supervision::test
