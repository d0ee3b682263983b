#include "db/statement.h"
#include "run/stages.h"

namespace supervision::run {

void refresh_table_statistics(pqxx::transaction_base& tx, const RunContext& ctx,
                              std::initializer_list<const char*> tables) {
    if (!ctx.mode.rewrites_tables()) return;
    for (const char* table : tables) {
        db::exec_file(tx, "run/29_planner_statistics/refresh_table_statistics.sql", std::string(table));
    }
}

// Last: the statistics of the tables a full run rewrote that no stage read after it, so
// that the next run (a back-fill's next day, minutes later) does not plan on the state
// before this one.
long long refresh_planner_statistics(pqxx::transaction_base& tx, RunContext& ctx, Counts&) {
    refresh_table_statistics(tx, ctx, {"review_backlog", "rejected_row_current"});
    return 0;
}

}  // namespace supervision::run
