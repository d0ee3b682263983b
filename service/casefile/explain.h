#pragma once
// `supervision explain --permit P | --review R [--format json|html]`: one permit's case
// file, read-only, for an official (docs/reports.md, "The case file").
#include "casefile/case_data.h"

#include <pqxx/pqxx>

#include <string>

namespace supervision::casefile {

// The case file in the format (json or html). A missing permit or review, or another
// format, is a UsageError (exit 2).
std::string explain(pqxx::connection& conn, const Subject& subject, const std::string& format);

}  // namespace supervision::casefile
