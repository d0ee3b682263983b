#pragma once
// The evaluation stages of a run, in order, in one session: what the run would do for
// the persons of ctx.shard, into that session's temporary tables (run/stages.h).
#include "run/run_context.h"

#include <pqxx/pqxx>

namespace supervision::run {

// Needs the session's configuration and register tables (load_session, 01_registers/load.sql).
// Adds each stage's seconds to counts["stage_seconds"].
void evaluate(pqxx::transaction_base& tx, RunContext& ctx, Counts& counts);

}  // namespace supervision::run
