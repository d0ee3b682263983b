#pragma once
// The `supervision report …` commands: build a report in one snapshot and render it.
#include "config/config.h"
#include "reports/request.h"

#include <pqxx/pqxx>

#include <optional>
#include <string>

namespace supervision::reports {

// `which`: coverage | growth-entrepreneurs | statistics. Throws UsageError for a format
// the report does not have.
std::string render_report(pqxx::connection& conn, const config::Config& config, const std::string& which,
                          const Request& request);

// To the file (io::replace_file: written whole to a temporary file of its folder, then
// renamed into place) or, without one, standard output. A file that cannot be written is
// a UsageError (exit 2) naming it.
void write_report(const std::string& text, const std::optional<std::string>& out);

}  // namespace supervision::reports
