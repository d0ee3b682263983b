#pragma once
// Per-key counts from a grouped query ("line_id, count(*) … GROUP BY line_id") into the
// run's counts, the shape every stage reports in.
#include "run/run_context.h"

#include <pqxx/pqxx>

namespace supervision::run {

// Sets `into` to {key: count, …} from the rows' `key` and `count` columns; returns the sum.
long long tally(const pqxx::result& rows, const char* key, const char* count, Counts& into);

}  // namespace supervision::run
