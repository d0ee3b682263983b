#include <string>

#include "db/statement.h"
#include "run/person_registers.h"
#include "run/stage_log.h"
#include "run/stages.h"
#include "run/tally.h"

namespace supervision::run {

// One validation statement per person register (run/person_registers.h); each takes the
// shard ($1 count, $2 index) and, in an incremental run, the persons whose rows of it
// changed ($3; the others' rejections are taken over).
void validate_registers(pqxx::transaction_base& tx, const RunContext& ctx, Counts&) {
    StageLog log("validate", ctx.shard);
    long long rows = 0;
    for (const char* source : kPersonRegisters) {
        rows += static_cast<long long>(db::exec_file(tx, std::string("run/validate/") + source + ".sql",
                                                     ctx.shard.count, ctx.shard.index, ctx.scope.validated_in(source))
                                           .affected_rows());
    }
    if (ctx.scope.incremental()) {
        const auto& s = ctx.scope;
        rows += static_cast<long long>(db::exec_file(tx, "run/validate/carry_rejections.sql", s.persons,
                                                     s.validated_in("permit"), s.validated_in("population_event"),
                                                     s.validated_in("study_record"), s.validated_in("benefit_payment"),
                                                     s.validated_in("employment_notice"))
                                           .affected_rows());
    }
    // The trade register is no person's: every shard validates all of it, in an incremental
    // run too, as the evaluated persons' companies' rejections are read (docs/incremental.md).
    rows += static_cast<long long>(db::exec_file(tx, "run/validate/company_status.sql").affected_rows());
    db::exec_script(tx, "run/validate/analyze.sql");
    log.done(rows);
}

void record_rejections(pqxx::transaction_base& tx, const RunContext& ctx, Counts& counts) {
    StageLog log("rejected_rows");
    const auto merged = db::exec_file(tx, "run/validate/merge.sql", ctx.run_id, !ctx.scope.incremental())[0];
    const long long rows =
        tally(db::exec_file(tx, "run/validate/counts.sql"), "source", "rows", counts["rejected_rows_by_source"]);
    counts["rejected_rows"] = rows;
    counts["rejected_rows_added"] = merged["added"].as<long long>();
    counts["rejected_rows_cleared"] = merged["cleared"].as<long long>();
    if (rows > 0) {
        spdlog::warn("{} register rows rejected ({} new); see supervision.rejected_row for reasons", rows,
                     merged["added"].as<long long>());
    }
    log.done(rows);
}

}  // namespace supervision::run
