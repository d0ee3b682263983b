#include "db/statement.h"
#include "run/stage_log.h"
#include "run/stages.h"
#include "run/tally.h"

namespace supervision::run {

void find_ends(pqxx::transaction_base& tx, const RunContext& ctx, Counts&) {
    StageLog log("find_ends", ctx.shard);
    const auto rows = db::exec_file(tx, "run/enrolment/find_ends.sql", rules::to_iso(ctx.as_of), ctx.shard.count,
                                    ctx.shard.index, ctx.scope.persons);
    log.done(static_cast<long long>(rows.affected_rows()));
}

void find_enrolments(pqxx::transaction_base& tx, const RunContext& ctx, Counts&) {
    StageLog log("find_enrolments", ctx.shard);
    const auto rows = db::exec_file(tx, "run/enrolment/find_enrolments.sql", rules::to_iso(ctx.as_of),
                                    ctx.shard.count, ctx.shard.index, ctx.scope.persons);
    db::exec_script(tx, "run/enrolment/analyze_found.sql");
    log.done(static_cast<long long>(rows.affected_rows()));
}

void end_supervision(pqxx::transaction_base& tx, const RunContext& ctx, Counts& counts) {
    StageLog log("end");
    const auto rows = db::exec_file(tx, "run/enrolment/end.sql", rules::to_iso(ctx.as_of), ctx.run_id);
    const long long ended = tally(rows, "end_reason", "permits", counts["ended_by_reason"]);
    counts["ended"] = ended;
    log.done(ended);
}

void enrol_permits(pqxx::transaction_base& tx, const RunContext& ctx, Counts& counts) {
    StageLog log("enrol");
    const auto rows = db::exec_file(tx, "run/enrolment/enrol.sql", rules::to_iso(ctx.as_of), ctx.run_id);
    const long long enrolled = tally(rows, "line_id", "permits", counts["enrolled_by_line"]);
    counts["enrolled"] = enrolled;
    log.done(enrolled);
}

void record_evaluated(pqxx::transaction_base& tx, const RunContext& ctx, Counts& counts) {
    StageLog log("evaluated");
    db::exec_script(tx, ctx.scope.incremental() ? "run/enrolment/evaluated.sql" : "run/enrolment/evaluated_full.sql");
    refresh_table_statistics(tx, ctx, {"supervised_permit", "evaluated_permit"});
    const auto active = db::exec_file(tx, "run/enrolment/active_counts.sql");
    counts["evaluated"] = tally(active, "line_id", "permits", counts["supervised_by_line"]);
    log.done(counts["evaluated"].get<long long>());
}

}  // namespace supervision::run
