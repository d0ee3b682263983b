#pragma once
// Prometheus text-format metrics of one run, for node_exporter's textfile collector
// (docs/operations.md lists them with suggested alerts). Building the text is a pure
// function of the run's outcome, so it is tested without a database.
#include "rules/dates.h"
#include "run/run_context.h"

#include <optional>
#include <string>
#include <vector>

namespace supervision::run {

// One finished `supervision run`, successful or not.
struct RunOutcome {
    bool succeeded = false;
    int exit_code = 0;                      // the process's exit code (contract.md)
    std::optional<rules::Day> as_of;        // unknown when the command line was bad
    double duration_seconds = 0;            // the whole command, wall clock
    double finished_at = 0;                 // Unix time the run ended
    std::optional<double> last_success_at;  // Unix time the last successful run ended
    Counts counts = Counts::object();       // the run's counts; empty for a failed run
    std::vector<std::string> signal_types;  // label values written even when zero
    std::vector<std::string> queues;        // label values written even when zero
};

// Every metric family with its HELP and TYPE lines. All are gauges: each file describes
// the last run only, and the collector exposes it until the next run replaces it.
std::string metrics_text(const RunOutcome& outcome);

// Writes text to path the textfile-collector way, through io::replace_file: a temporary
// file in the same folder (not named *.prom, so the collector skips it), then rename(2)
// over path, so that a scrape never reads half a file. Throws std::runtime_error
// ("the metrics file PATH: cannot be written (…)").
void write_metrics_file(const std::string& path, const std::string& text);

// The supervision_last_success_timestamp_seconds of an earlier metrics file, so that a
// failed run keeps telling when the last success was; nullopt when there is none.
std::optional<double> last_success_in(const std::string& path);

}  // namespace supervision::run
