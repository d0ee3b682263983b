#pragma once
// Whether a run evaluates every person (full) or only the persons whose result can have
// changed since the last run (incremental), and why (docs/incremental.md). Both give the
// same outcome; an incremental run reads only what changed.
#include "run/run_context.h"

#include <pqxx/pqxx>

namespace supervision::run {

struct EvaluationPolicy {
    bool full = false;        // --full: evaluate everyone whatever changed
    int full_every_days = 7;  // a full evaluation at least this often, whatever the change capture says
};

struct EvaluationPlan {
    Scope scope;           // an incremental run's persons; none for a full run
    Counts state;          // supervision.run.evaluation: what the next run compares with
};

// Needs the session's configuration and register tables (load_session, registers/load.sql).
// For an incremental run fills pg_temp.scope_person; adds counts["evaluation"].
EvaluationPlan plan_evaluation(pqxx::transaction_base& tx, const RunContext& ctx, const EvaluationPolicy& policy,
                               Counts& counts);

// An incremental run's persons of one shard, for that shard's session (run/shards.h).
Scope scope_of_shard(pqxx::transaction_base& tx, const Scope& run_scope, const Shard& shard);

}  // namespace supervision::run
