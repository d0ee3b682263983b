#include "db/statement.h"
#include "run/stage_log.h"
#include "run/stages.h"

namespace supervision::run {

void refresh_table_statistics(pqxx::transaction_base& tx, const RunContext& ctx,
                              std::initializer_list<const char*> tables) {
    if (ctx.scope.incremental()) return;
    for (const char* table : tables) db::exec_file(tx, "run/ledger/refresh_table_statistics.sql", std::string(table));
}

// Last: the statistics of the tables a full run rewrote that no stage read after it, so
// that the next run (a back-fill's next day, minutes later) does not plan on the state
// before this one.
void refresh_statistics(pqxx::transaction_base& tx, const RunContext& ctx, Counts&) {
    StageLog log("statistics");
    refresh_table_statistics(tx, ctx, {"review_backlog", "rejected_row_current"});
    log.done(0);
}

}  // namespace supervision::run
