// libFuzzer target for the configuration loader: any text given to
// config::load_config_text must come back as a Config or as a ConfigError (exit 3) whose
// message starts with the file name and line, never as a crash, a hang, a sanitizer report or any
// other exception (which the command line would turn into exit 1, "unexpected").
//   docs/reliability.md, "Configuration robustness": build with -DSUPERVISION_FUZZ=ON and
//   clang; tests/fuzz/run-fuzz.sh runs it. The same function replays the seeds in ctest.
#include "config/loader.h"
#include "errors.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {
const std::string kPrefix = "fuzz.yaml:";
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        supervision::config::load_config_text(text, "fuzz.yaml");
    } catch (const supervision::ConfigError& e) {
        // "fuzz.yaml:<line>:…": every message names the file and the line.
        const std::string m = e.what();
        const std::size_t digits = m.find_first_not_of("0123456789", kPrefix.size());
        if (m.rfind(kPrefix, 0) != 0 || digits == kPrefix.size() || digits == std::string::npos || m[digits] != ':') {
            std::fprintf(stderr, "configuration error without file and line: %s\n", e.what());
            std::abort();
        }
    }
    return 0;
}
