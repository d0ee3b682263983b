#pragma once
// The subcommands, each given parsed options; they throw supervision::Error subtypes.
#include "cli/options.h"

namespace supervision::cli {

int command_migrate(const GlobalOptions& g);
int command_run(const GlobalOptions& g, const RunCommand& c);
int command_demo_load(const GlobalOptions& g, const DemoLoadCommand& c);
int command_config_check(const GlobalOptions& g);

}  // namespace supervision::cli
