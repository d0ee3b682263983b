#pragma once
// The nightly pipeline, declared once: every stage in order, with its phase, its SQL
// folder and what it reads and writes. The run (run/nightly.cpp), the shards
// (run/shards.cpp), the stage log lines, the stage durations of the counts and metrics,
// and docs/architecture.md's table (checked by a test) all follow it.
#include "run/run_context.h"

#include <pqxx/pqxx>

#include <vector>

namespace supervision::run {

enum class Phase {
    setup,       // the run's session, in the evaluation's transaction: configuration, registers, mode
    evaluation,  // what the run would do, per shard, into the session's temporary tables only
    writing,     // making it so, in the run's writing transaction
};

// A stage's work: it borrows a transaction, adds what it did to the counts, and returns the
// rows it found or wrote, for its log line.
using StageWork = long long (*)(pqxx::transaction_base& tx, RunContext& ctx, Counts& counts);

struct Stage {
    const char* name;  // stage=<name> in the log, counts["stage_seconds"][<name>], the metrics' label
    Phase phase;
    const char* folder;  // its statements: sql/run/<folder>/; "" when they are a report's
    const char* reads;   // for docs/architecture.md
    const char* writes;
    const char* findings;  // an evaluation stage's table the writing half reads, copied from each shard; or ""
    StageWork work;
};

const std::vector<Stage>& pipeline();
const char* phase_name(Phase phase);

// Runs the stages of one phase in order, each with its log line (stage=…, with the shard's
// part for an evaluation in shards) and its duration in counts["stage_seconds"].
void run_phase(Phase phase, pqxx::transaction_base& tx, RunContext& ctx, Counts& counts);

}  // namespace supervision::run
