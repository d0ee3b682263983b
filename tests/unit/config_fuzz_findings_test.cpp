// What fuzzing the configuration loader found (tests/fuzz, docs/reliability.md), one test
// per fix; the inputs are also replayed by config_fuzz_replay (tests/fuzz/seeds).
#include "config/loader.h"
#include "errors.h"

#include <gtest/gtest.h>

namespace {

using supervision::ConfigError;
using supervision::config::load_config_text;

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

}  // namespace
