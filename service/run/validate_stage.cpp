#include <string>

#include "db/statement.h"
#include "run/registers.h"
#include "run/stages.h"
#include "run/tally.h"

namespace supervision::run {

// One validation statement per person register (run/registers.h); each takes the
// shard ($1 count, $2 index) and the persons whose rows of it the run validates ($3; none
// for everyone). An incremental run takes the others' rejections over (run/mode.h).
long long validate_registers(pqxx::transaction_base& tx, RunContext& ctx, Counts&) {
    long long rows = 0;
    for (const char* source : kPersonRegisters) {
        rows += static_cast<long long>(db::exec_file(tx, std::string("run/10_validate/") + source + ".sql",
                                                     ctx.shard.count, ctx.shard.index, ctx.mode.validated_in(source))
                                           .affected_rows());
    }
    rows += ctx.mode.carry_rejections(tx);
    // The trade register is no person's: every shard validates all of it, in an incremental
    // run too, as the evaluated persons' companies' rejections are read (docs/incremental.md).
    rows += static_cast<long long>(db::exec_file(tx, "run/10_validate/company_status.sql").affected_rows());
    db::exec_script(tx, "run/10_validate/analyze.sql");
    return rows;
}

long long record_rejections(pqxx::transaction_base& tx, RunContext& ctx, Counts& counts) {
    const auto merged = db::exec_file(tx, "run/20_rejected_rows/merge.sql", ctx.run_id, ctx.mode.covers_everyone())[0];
    const long long rows = tally(db::exec_file(tx, "run/20_rejected_rows/counts.sql"), "source", "rows",
                                 counts["rejected_rows_by_source"]);
    counts["rejected_rows"] = rows;
    counts["rejected_rows_added"] = merged["added"].as<long long>();
    counts["rejected_rows_cleared"] = merged["cleared"].as<long long>();
    if (rows > 0) {
        spdlog::warn("{} register rows rejected ({} new); see supervision.rejected_row for reasons", rows,
                     merged["added"].as<long long>());
    }
    return rows;
}

}  // namespace supervision::run
