#include "db/statement.h"
#include "run/stage_log.h"
#include "run/stages.h"

namespace supervision::run {

// Last: the planner statistics of the tables a full run rewrote, so that the next run (a
// back-fill's next day, minutes later) does not plan on the state before this one. An
// incremental run changes a few rows of them; autovacuum's analyze keeps up with those.
void refresh_statistics(pqxx::transaction_base& tx, const RunContext& ctx, Counts&) {
    StageLog log("statistics");
    if (!ctx.scope.incremental()) db::exec_file(tx, "run/ledger/refresh_statistics.sql");
    log.done(0);
}

}  // namespace supervision::run
