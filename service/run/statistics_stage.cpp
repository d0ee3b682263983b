#include "db/statement.h"
#include "run/stage_log.h"
#include "run/stages.h"

namespace supervision::run {

// Last: the planner statistics of the tables this run wrote, so that the next run (a
// back-fill's next day, minutes later) does not plan on the state before this one.
void refresh_statistics(pqxx::transaction_base& tx, const RunContext&, Counts&) {
    StageLog log("statistics");
    db::exec_file(tx, "run/ledger/refresh_statistics.sql");
    log.done(0);
}

}  // namespace supervision::run
