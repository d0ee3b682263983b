#pragma once
// What a `supervision report …` command asks for (contract.md, command line).
#include <optional>
#include <string>

namespace supervision::reports {

struct Request {
    std::string format = "json";  // json | csv | html (html: the coverage report only)
    std::optional<std::string> out;  // a file to write; none: standard output
    bool publish = false;         // small-cell suppression for publication (statistics)
    int year = 0;                 // the coverage report's year
    std::string table = "cohort"; // statistics CSV: cohort | precision | forecast (one table per CSV)
};

}  // namespace supervision::reports
