#pragma once

namespace supervision::cli {

// Parses the command line, runs the subcommand and returns the process exit code;
// every error becomes one line on standard error and its exit code (contract.md).
int main(int argc, char** argv);

}  // namespace supervision::cli
