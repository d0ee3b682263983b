#include "db/statement.h"
#include "run/stage_log.h"
#include "run/stages.h"

namespace supervision::run {

// docs/incremental.md: what the next run needs to evaluate incrementally — the recheck days
// of the persons this run evaluated — and the register changes this run took into account,
// gone with it. In the run's transaction like everything else: a run that fails keeps the
// changes for the next one.
void note_changes_seen(pqxx::transaction_base& tx) { db::exec_file(tx, "run/scope/changes_seen.sql"); }

void save_evaluation_state(pqxx::transaction_base& tx, const RunContext& ctx, Counts& counts) {
    StageLog log("evaluation_state");
    db::exec_script(tx, ctx.scope.incremental() ? "run/scope/save_recheck.sql" : "run/scope/save_recheck_full.sql");
    const auto consumed = db::exec_file(tx, "run/scope/consume_changes.sql")[0][0].as<long long>();
    counts["evaluation"]["changes_consumed"] = consumed;
    log.done(consumed);
}

}  // namespace supervision::run
