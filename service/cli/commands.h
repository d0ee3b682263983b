#pragma once
// The subcommands, each given parsed options; they throw supervision::Error subtypes.
#include "cli/options.h"
#include "reports/request.h"

#include <string>

namespace supervision::cli {

int command_migrate(const GlobalOptions& g);
int command_run(const GlobalOptions& g, const RunCommand& c);
// Writes the metrics file of a `run` that failed with this exit code, if it asked for
// one (--metrics-file); cli::main calls it for every error it reports. Else nothing.
void finish_failed_run(int exit_code);
int command_demo_load(const GlobalOptions& g, const DemoLoadCommand& c);
// `demo supervise`: the demo's supervisors decide the reviews due by --until (demo data only).
int command_demo_supervise(const GlobalOptions& g, const DemoSuperviseCommand& c);
int command_config_check(const GlobalOptions& g);
// `report coverage | growth-entrepreneurs | statistics | queue`: the report to stdout or --out.
int command_report(const GlobalOptions& g, const std::string& which, const reports::Request& r);
// `explain --permit P | --review R`: the case file to stdout or --out; needs no configuration.
int command_explain(const GlobalOptions& g, const ExplainCommand& c);

}  // namespace supervision::cli
