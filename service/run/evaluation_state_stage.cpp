#include "db/statement.h"
#include "run/stages.h"

namespace supervision::run {

// docs/incremental.md: what the next run needs to evaluate incrementally — the recheck days
// of the persons this run evaluated — and the register changes this run took into account,
// gone with it. In the run's transaction like everything else: a run that fails keeps the
// changes for the next one.
long long save_evaluation_state(pqxx::transaction_base& tx, RunContext& ctx, Counts& counts) {
    db::exec_script(tx, ctx.mode.recheck_days_script());
    const auto consumed = db::exec_file(tx, "run/28_evaluation_state/consume_changes.sql")[0][0].as<long long>();
    counts["evaluation"]["changes_consumed"] = consumed;
    return consumed;
}

}  // namespace supervision::run
