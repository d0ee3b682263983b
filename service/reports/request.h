#pragma once
// What a `supervision report …` command asks for (contract.md, command line).
#include <optional>
#include <string>

namespace supervision::reports {

struct Request {
    std::string format = "json";     // json | csv | html
    std::optional<std::string> out;  // a file to write; none: standard output
    bool publish = false;            // small-cell suppression for publication (statistics)
    int year = 0;                    // the coverage report's year
    std::string view = "decisions";  // the coverage report's view: decisions | stock (rules.md §9)
    // statistics CSV: cohort | precision | signal-types | forecast | forecast-years | alarms | backtest
    std::string table = "cohort";
    std::optional<std::string> basis;         // statistics of one basis
    std::optional<std::string> metrics_file;  // statistics: the forecast as Prometheus metrics, to this file
};

}  // namespace supervision::reports
