#include "db/statement.h"
#include "run/stage_log.h"
#include "run/stages.h"
#include "run/tally.h"

namespace supervision::run {

namespace {
// One validation statement per person register, in the order of the data contract; each
// takes the shard ($1 count, $2 index) and, in an incremental run, the persons whose rows of
// it changed ($3; the others' rejections are taken over). The Incomes Register is validated where it is read
// for the monthly figures (evaluate/income_months.sql).
struct Validation {
    const char* source;
    const char* file;
};
const Validation kPersonValidations[] = {
    {"permit", "run/validate/permit.sql"},
    {"population_event", "run/validate/population_event.sql"},
    {"study_record", "run/validate/study_record.sql"},
    {"benefit_payment", "run/validate/benefit_payment.sql"},
    {"employment_notice", "run/validate/employment_notice.sql"},
};
}  // namespace

void validate_registers(pqxx::transaction_base& tx, const RunContext& ctx, Counts&) {
    StageLog log("validate", ctx.shard);
    long long rows = 0;
    for (const auto& v : kPersonValidations) {
        rows += static_cast<long long>(
            db::exec_file(tx, v.file, ctx.shard.count, ctx.shard.index, ctx.scope.validated_in(v.source))
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
