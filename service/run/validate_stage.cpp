#include "db/statement.h"
#include "run/stage_log.h"
#include "run/stages.h"
#include "run/tally.h"

namespace supervision::run {

namespace {
// One validation statement per person register, in the order of the data contract; each
// takes the shard ($1 count, $2 index) and an incremental run's persons ($3). The Incomes Register is validated where it is read
// for the monthly figures (evaluate/income_months.sql).
const char* const kPersonValidations[] = {
    "run/validate/permit.sql",          "run/validate/population_event.sql", "run/validate/study_record.sql",
    "run/validate/benefit_payment.sql", "run/validate/employment_notice.sql",
};
}  // namespace

void validate_registers(pqxx::transaction_base& tx, const RunContext& ctx, Counts&) {
    StageLog log("validate", ctx.shard);
    long long rows = 0;
    for (const char* file : kPersonValidations) {
        rows += static_cast<long long>(
            db::exec_file(tx, file, ctx.shard.count, ctx.shard.index, ctx.scope.persons).affected_rows());
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
