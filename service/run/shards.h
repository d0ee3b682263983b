#pragma once
// `run --workers N`: the evaluation in N sessions at once, each for the persons of one
// shard (supervision.shard_of), all on the run transaction's snapshot. What they find
// is copied into the run transaction's temporary tables, where the writing stages
// take it as if one session had found it all; the shard sessions write nothing.
#include "db/connection.h"
#include "run/run_context.h"

#include <pqxx/pqxx>

namespace supervision::run {

// `run_tx` must be REPEATABLE READ and have loaded the session (load_session,
// check_registers). Throws the first shard's error, after every shard has stopped.
void evaluate_in_shards(pqxx::transaction_base& run_tx, RunContext& ctx, const db::ConnectOptions& connect, int workers,
                        Counts& counts);

}  // namespace supervision::run
