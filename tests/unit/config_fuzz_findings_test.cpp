// What fuzzing the configuration loader found (tests/fuzz, docs/reliability.md), one test
// per fix; the inputs are also replayed by config_fuzz_replay (tests/fuzz/seeds).
#include "config/loader.h"
#include "errors.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace {

using supervision::ConfigError;
using supervision::config::load_config_text;

std::string seed_text(const std::string& name) {
    std::ifstream in(std::string(SUPERVISION_SOURCE_DIR) + "/tests/fuzz/seeds/" + name);
    EXPECT_TRUE(in.good()) << name;
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string error_of(const std::string& text) {
    try {
        load_config_text(text, "x.yaml");
    } catch (const ConfigError& e) {
        return e.what();
    }
    return "loaded";
}

// An empty file, or one with comments only, has no node to point at: the message named no
// line ("x.yaml: (top level): …"); it names line 1 now.
TEST(ConfigFuzzFindings, EmptyFileNamesFileLineAndKey) {
    EXPECT_EQ(error_of(""), "x.yaml:1:1: (top level): the file holds no settings; is this the right file?");
    EXPECT_EQ(error_of("# nothing but a comment\n\n"),
              "x.yaml:1:1: (top level): the file holds no settings; is this the right file?");
    EXPECT_EQ(error_of("~\n").rfind("x.yaml:1:1: (top level): expected a mapping", 0), 0u) << error_of("~\n");
}

// The seeds of the refusals of rules.md §2 (tests/fuzz/seeds): each is the default file
// with one change, refused at its line and key; the edge values beside them load.
TEST(ConfigFuzzSeeds, EachBadSeedIsRefusedAtItsLineAndKeyAndTheEdgeSeedLoads) {
    const std::vector<std::pair<std::string, std::string>> refused{
        {"misspelt-parameter.yaml", "x.yaml:130:3: parameters.cooldown_dayz: unknown parameter"},
        {"unknown-key.yaml", "x.yaml:86:3: parameters.grace_monts: unknown parameter"},
        {"duplicate-parameter.yaml", "x.yaml:128:3: parameters.cooldown_days: key given twice (first on line 126)"},
        {"duplicate-top-level.yaml", "x.yaml:12:1: config_version: key given twice (first on line 11)"},
        {"duplicate-flow-key.yaml", "x.yaml:171:52: queues.study.daily_capacity[0].value: key given twice"},
        {"fractional-capacity.yaml", "x.yaml:171:48: queues.study.daily_capacity[0].value: '2.7' is not a whole"},
        {"negative-threshold.yaml", "x.yaml:124:33: parameters.review_threshold[0].value: '-5' is not a finite"},
        {"huge-negative-weight.yaml", "x.yaml:143:40: signals.employment_ended.weight[0].value: '-1e308' is not"},
        {"nan-weight.yaml", "x.yaml:143:40: signals.employment_ended.weight[0].value: '.nan' is not a finite"},
        {"infinite-weight.yaml", "x.yaml:162:40: signals.social_assistance.weight[0].value: '.inf' is not a finite"},
        {"huge-sla-days.yaml", "x.yaml:172:42: queues.study.sla_days[0].value: '1e12' is not a whole number of days"},
        {"alias-chain.yaml", "x.yaml:1:1: x0: unknown key"},
    };
    for (const auto& [seed, message] : refused) {
        const std::string m = error_of(seed_text(seed));
        EXPECT_EQ(m.rfind(message, 0), 0u) << seed << ": " << m;
    }
    EXPECT_EQ(error_of(seed_text("edge-values.yaml")), "loaded");
}

}  // namespace
